package main

import (
	"fmt"
	"math"
	"math/rand/v2"
	"time"

	"github.com/spf13/cobra"
	"gonum.org/v1/plot/vg"

	"github.com/qmlgo/qml/classical"
)

func init() { subcommands = append(subcommands, newWidthScanCmd) }

// widthScanOptions holds the parsed flags of `qml widthscan`.
type widthScanOptions struct {
	io                    *IO
	out                   string
	seed                  uint64
	kernel                classical.NNGPKernel
	covWidths, kurtWidths []int
	depths                []int
	nets, kurtNets        int
}

func newWidthScanCmd(s *IO) *cobra.Command {
	o := &widthScanOptions{io: s}
	cmd := &cobra.Command{
		Use:   "widthscan",
		Short: "Sample random finite MLPs and watch them become a Gaussian process",
		Long: `widthscan samples many randomly initialised fully connected networks
(weights N(0, σ_w²/fan-in), biases N(0, σ_b²)) and measures the distribution
of their output at fixed inputs:

  (a) the covariance of the outputs at three inputs against the NNGP kernel
      (Lee et al., arXiv:1711.00165), as the width N grows: the relative
      Frobenius error falls as the network approaches its infinite-width
      Gaussian process;
  (b) the excess kurtosis of one output (its connected 4-point function,
      the leading non-Gaussianity) for every depth L and width N, against
      L/N on a log–log plot with the fitted slope: the effective theory of
      Roberts, Yaida & Hanin (arXiv:2106.10165) predicts kurtosis ∝ L/N.
      For ReLU without biases the exact value 3[(1 + 5/N)^L − 1] is drawn.

Each layer is drawn from its exact conditional Gaussian law given the
previous one, which is what drawing the weights gives, at a cost linear
in the width. The plot goes to --out (PNG).`,
		Example: `  qml widthscan --out widthscan.png
  qml widthscan --activation erf --weight-var 1.5 --bias-var 0.05 --out erf.png`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return runWidthScan(o) },
	}
	f := cmd.Flags()
	f.StringVar(&o.out, "out", "widthscan.png", "plot file (PNG)")
	f.Uint64Var(&o.seed, "seed", 1, "random seed")
	f.StringVar(&o.kernel.Activation, "activation", classical.NNGPReLU, "activation: relu or erf")
	f.Float64Var(&o.kernel.WeightVar, "weight-var", 2, "σ_w², weight variance × fan-in (2: ReLU criticality)")
	f.Float64Var(&o.kernel.BiasVar, "bias-var", 0, "σ_b², bias variance")
	f.IntVar(&o.kernel.Depth, "depth", 2, "hidden layers of the covariance scan")
	f.IntSliceVar(&o.covWidths, "widths", []int{4, 16, 64, 256, 1024}, "widths of the covariance scan")
	f.IntVar(&o.nets, "nets", 20000, "networks per width in the covariance scan")
	f.IntSliceVar(&o.kurtWidths, "kurtosis-widths", []int{32, 64, 128}, "widths of the kurtosis scan")
	f.IntSliceVar(&o.depths, "depths", []int{1, 2, 4}, "depths of the kurtosis scan")
	f.IntVar(&o.kurtNets, "kurtosis-nets", 100000, "networks per (width, depth) in the kurtosis scan")
	return cmd
}

// runWidthScan runs both scans, prints their tables and the fitted slope,
// and writes the plot.
func runWidthScan(o *widthScanOptions) error {
	if err := o.kernel.Validate(); err != nil {
		return err
	}
	for _, ws := range [][]int{o.covWidths, o.kurtWidths, o.depths} {
		for _, w := range ws {
			if w < 1 {
				return fmt.Errorf("widths and depths must be ≥ 1, got %d", w)
			}
		}
	}
	if o.nets < 2 || o.kurtNets < 4 {
		return fmt.Errorf("--nets %d, --kurtosis-nets %d: want at least 2 and 4", o.nets, o.kurtNets)
	}
	start := time.Now()
	rng := rand.New(rand.NewPCG(o.seed, 1))
	x := [][]float64{{1, 0.5, -0.3}, {0.2, -1, 0.4}, {-0.7, 0.1, 0.9}}
	cov, err := classical.CovarianceScan(o.kernel, x, o.covWidths, o.nets, rng)
	if err != nil {
		return err
	}
	w := o.io.Out
	fmt.Fprintf(w, "%s network, σ_w² = %g, σ_b² = %g\n\n(a) output covariance vs the NNGP kernel, depth %d, %d networks per width\n%8s  %s\n",
		o.kernel.Activation, o.kernel.WeightVar, o.kernel.BiasVar, o.kernel.Depth, o.nets, "width", "‖C − K‖/‖K‖")
	var cw, ce []float64
	for _, p := range cov {
		fmt.Fprintf(w, "%8d  %.4f\n", p.Width, p.RelError)
		cw, ce = append(cw, float64(p.Width)), append(ce, p.RelError)
	}
	kurt, err := classical.KurtosisScan(o.kernel, x[0], o.kurtWidths, o.depths, o.kurtNets, rng)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "\n(b) excess kurtosis of one output, %d networks each\n%6s %6s %8s %10s %10s\n", o.kurtNets, "N", "L", "L/N", "kurtosis", "exact")
	var r, k, rt, kt []float64
	for _, p := range kurt {
		fmt.Fprintf(w, "%6d %6d %8.4f %10.4f %10s\n", p.Width, p.Depth, p.Ratio, p.Kurtosis, formatMaybe(p.Theory))
		r, k = append(r, p.Ratio), append(k, p.Kurtosis)
		if !math.IsNaN(p.Theory) {
			rt, kt = append(rt, p.Ratio), append(kt, p.Theory)
		}
	}
	slope, icpt, err := classical.LogLogSlope(r, k)
	if err != nil {
		return fmt.Errorf("kurtosis fit: %w (the sampled kurtoses are not positive; sample more networks)", err)
	}
	fmt.Fprintf(w, "\nlog–log slope of kurtosis against L/N: %.3f (effective theory: 1)\n", slope)
	if err := widthScanPlot(o.out, cw, ce, float64(o.nets), r, k, rt, kt, slope, icpt); err != nil {
		return err
	}
	fmt.Fprintf(w, "wrote %s in %.1fs\n", o.out, time.Since(start).Seconds())
	return nil
}

// formatMaybe prints v, or "–" for NaN.
func formatMaybe(v float64) string {
	if math.IsNaN(v) {
		return "–"
	}
	return fmt.Sprintf("%.4f", v)
}

// widthScanPlot draws the covariance error against width and the
// kurtosis against L/N with the fit and, where known, the exact values.
func widthScanPlot(path string, cw, ce []float64, nets float64, r, k, rt, kt []float64, slope, icpt float64) error {
	floor := 1 / math.Sqrt(nets)
	a, err := panel("covariance → NNGP kernel", "width N", "‖C − K‖/‖K‖", true,
		series{name: "sampled", xs: cw, ys: ce, color: trainColor, points: true},
		series{name: "1/√nets", xs: []float64{cw[0], cw[len(cw)-1]}, ys: []float64{floor, floor}, color: refColor, dash: dashed})
	if err != nil {
		return err
	}
	lo, hi := minMax(r)
	fit := series{name: fmt.Sprintf("fit, slope %.2f", slope), xs: []float64{lo, hi},
		ys: []float64{math.Exp(icpt) * math.Pow(lo, slope), math.Exp(icpt) * math.Pow(hi, slope)}, color: valColor}
	ss := []series{{name: "sampled", xs: r, ys: k, color: trainColor, points: true}, fit}
	if len(rt) > 0 {
		ss = append(ss, series{name: "exact 3[(1+5/N)^L − 1]", xs: rt, ys: kt, color: refColor, points: true})
	}
	b, err := panel("excess kurtosis of the output", "L/N", "excess kurtosis", true, ss...)
	if err != nil {
		return err
	}
	return writePanels(path, a, b)
}

// dashed is the dash pattern of reference lines.
var dashed = []vg.Length{vg.Points(3), vg.Points(3)}

// minMax returns the extremes of xs.
func minMax(xs []float64) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, x := range xs {
		lo, hi = math.Min(lo, x), math.Max(hi, x)
	}
	return lo, hi
}
