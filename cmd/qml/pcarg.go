package main

import (
	"fmt"
	"math"
	"math/rand/v2"
	"time"

	"github.com/spf13/cobra"

	"github.com/qmlgo/qml/classical"
)

func init() { subcommands = append(subcommands, newPCARGCmd) }

// pcaRGOptions holds the parsed flags of `qml pca-rg`.
type pcaRGOptions struct {
	io                   *IO
	out                  string
	seed                 uint64
	temperature          float64
	pcaSize, specSize    int
	pcaSamples, specSamp int
	components           int
	thermalize, interval int
	kMin, kMax           float64
}

func newPCARGCmd(s *IO) *cobra.Command {
	o := &pcaRGOptions{io: s}
	cmd := &cobra.Command{
		Use:   "pca-rg",
		Short: "PCA of Ising configurations: Fourier modes and the critical exponent η",
		Long: `pca-rg is the principal-component analysis of Ising configurations of
Bradde & Bialek (arXiv:1610.09733), PCA as a renormalisation group. It
samples the 2-D Ising model (J = 1, periodic) with Wolff updates and

  (a) diagonalises the spin covariance on an L×L lattice (--pca-size) and
      reports how much of each top principal component lies on one family
      of plane waves (the lattice-symmetry orbit of a wave vector k):
      translation invariance makes the components Fourier modes;
  (b) on a larger lattice (--spectrum-size), where the covariance is
      circulant, takes the eigenvalue of mode k as the structure factor
      S(k) (by FFT) and fits λ(k) ∝ k^−(2−η) over --kmin ≤ |k̂| ≤ --kmax
      (lattice momentum; defaults: 2·2π/L to π/2). At T_c = 2.269 the exact
      exponent is 2 − η = 7/4.

The plot (--out, PNG) shows λ against |k̂| with the fit and the overlaps.`,
		Example: `  qml pca-rg --out pca-rg.png
  qml pca-rg --temperature 3 --spectrum-size 32 --out hot.png`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return runPCARG(o) },
	}
	f := cmd.Flags()
	f.StringVar(&o.out, "out", "pca-rg.png", "plot file (PNG)")
	f.Uint64Var(&o.seed, "seed", 1, "random seed")
	f.Float64Var(&o.temperature, "temperature", classical.CriticalTemperature, "temperature (J/k_B)")
	f.IntVar(&o.pcaSize, "pca-size", 32, "lattice side of the full PCA")
	f.IntVar(&o.pcaSamples, "pca-samples", 16000, "configurations for the PCA")
	f.IntVar(&o.components, "components", 10, "principal components compared with plane waves")
	f.IntVar(&o.specSize, "spectrum-size", 64, "lattice side of the spectrum fit")
	f.IntVar(&o.specSamp, "spectrum-samples", 2000, "configurations for the spectrum")
	f.IntVar(&o.thermalize, "thermalize", 100, "Wolff sweeps before the first configuration")
	f.IntVar(&o.interval, "interval", 2, "Wolff sweeps between configurations")
	f.Float64Var(&o.kMin, "kmin", 0, "smallest |k̂| of the fit (0: 2·2π/L)")
	f.Float64Var(&o.kMax, "kmax", math.Pi/2, "largest |k̂| of the fit")
	return cmd
}

// runPCARG samples, analyses, prints and plots.
func runPCARG(o *pcaRGOptions) error {
	if o.components < 1 || o.components > o.pcaSize*o.pcaSize {
		return fmt.Errorf("--components %d: want 1 to %d", o.components, o.pcaSize*o.pcaSize)
	}
	start := time.Now()
	rng := rand.New(rand.NewPCG(o.seed, 1))
	w := o.io.Out
	x, err := classical.IsingSamples(o.pcaSize, o.temperature, o.pcaSamples, o.thermalize, o.interval, rng)
	if err != nil {
		return err
	}
	vals, vecs, err := classical.SpinPCA(x)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "(a) PCA of %d configurations, %d×%d lattice, T = %.4f\n%4s %10s %9s  %s\n",
		o.pcaSamples, o.pcaSize, o.pcaSize, o.temperature, "PC", "λ", "overlap", "plane waves k = 2π(p, q)/L")
	var idx, ov []float64
	worst := 1.0
	for i := range o.components {
		v, p, q, err := classical.PlaneWaveOverlap(vecs[i], o.pcaSize)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "%4d %10.3f %9.4f  (%d, %d)\n", i, vals[i], v, p, q)
		idx, ov = append(idx, float64(i)), append(ov, v)
		worst = math.Min(worst, v)
	}
	fmt.Fprintf(w, "smallest overlap of the top %d: %.4f\n", o.components, worst)
	y, err := classical.IsingSamples(o.specSize, o.temperature, o.specSamp, o.thermalize, o.interval, rng)
	if err != nil {
		return err
	}
	pts, err := classical.FourierSpectrum(y, o.specSize)
	if err != nil {
		return err
	}
	kMin := o.kMin
	if kMin == 0 {
		kMin = 2 * 2 * math.Pi / float64(o.specSize)
	}
	a, err := classical.SpectrumExponent(pts, kMin, o.kMax)
	if err != nil {
		return fmt.Errorf("spectrum fit over [%g, %g]: %w", kMin, o.kMax, err)
	}
	fmt.Fprintf(w, "\n(b) spectrum of %d configurations, %d×%d lattice: λ(k) ∝ k^−%.3f for %.3f ≤ |k̂| ≤ %.3f (2 − η = 1.75 at T_c)\n",
		o.specSamp, o.specSize, o.specSize, a, kMin, o.kMax)
	var ks, ls []float64
	for _, p := range pts {
		ks, ls = append(ks, p.K), append(ls, p.Lambda)
	}
	// The fit line through the geometric centre of the fitted points.
	var sx, sy float64
	n := 0
	for _, p := range pts {
		if p.K >= kMin && p.K <= o.kMax {
			sx, sy, n = sx+math.Log(p.K), sy+math.Log(p.Lambda), n+1
		}
	}
	cx, cy := sx/float64(n), sy/float64(n)
	line := func(k float64) float64 { return math.Exp(cy - a*(math.Log(k)-cx)) }
	spec, err := panel(fmt.Sprintf("PCA spectrum, L = %d", o.specSize), "|k̂|", "λ(k)", true,
		series{name: "S(k)", xs: ks, ys: ls, color: trainColor, points: true},
		series{name: fmt.Sprintf("fit k^−%.2f", a), xs: []float64{kMin, o.kMax}, ys: []float64{line(kMin), line(o.kMax)}, color: valColor})
	if err != nil {
		return err
	}
	over, err := panel(fmt.Sprintf("plane-wave overlap, L = %d", o.pcaSize), "principal component", "overlap", false,
		series{name: "overlap", xs: idx, ys: ov, color: trainColor, points: true},
		series{name: "0.95", xs: []float64{0, float64(o.components - 1)}, ys: []float64{0.95, 0.95}, color: refColor, dash: dashed})
	if err != nil {
		return err
	}
	over.Y.Max = 1.02
	if err := writePanels(o.out, spec, over); err != nil {
		return err
	}
	fmt.Fprintf(w, "wrote %s in %.1fs\n", o.out, time.Since(start).Seconds())
	return nil
}
