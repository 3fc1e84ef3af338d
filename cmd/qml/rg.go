package main

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"math/rand/v2"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"github.com/qmlgo/qml/classical"
	"github.com/qmlgo/qml/vqc"
)

func init() { subcommands = append(subcommands, newRGCmd) }

// rgOptions holds the parsed flags of `qml rg`.
type rgOptions struct {
	io      *IO
	outDir  string
	seed    uint64
	sites   int
	chains  int
	steps   int
	k0      float64
	iters   int
	lattice bool
	size    int
	samples int
	temp    float64
	hidden  []int
	stack   classical.StackTraining
}

func newRGCmd(s *IO) *cobra.Command {
	o := &rgOptions{io: s}
	cmd := &cobra.Command{
		Use:   "rg",
		Short: "Renormalisation as learning: RBM flows of the Ising model",
		Long: `rg runs the two RBM experiments of Mehta & Schwab (arXiv:1410.3831).

1-D chain: for couplings K from 0.2 to 2 it samples the Ising chain exactly,
trains an RBM whose hidden spins each see one pair of neighbouring spins
(exact maximum likelihood), and measures the coupling K′ between
neighbouring hidden spins of the hidden marginal p(h) by transfer
matrices. The learned flow K → K′ is printed and plotted beside exact
decimation, tanh K′ = tanh² K, with the largest gap; then the learned step
is iterated from --k0, retraining on each new chain, and runs to K = 0.

2-D lattice (--lattice): stacked RBMs (--hidden, with an L1 penalty) are
trained on Wolff samples of the L×L Ising model near T_c; the receptive
fields of the first layer's hidden units are written as images and their
locality (fraction of the weight norm in the best 4×4 patch) is reported;
the magnetisation and neighbour correlation of every layer, with the data
passed up the stack, are compared with 2×2 majority-rule block spins of
the same configurations. Plots go to --out-dir.`,
		Example: `  qml rg --out-dir runs/rg
  qml rg --lattice --size 16 --hidden 64,16 --out-dir runs/rg`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return runRG(o) },
	}
	f := cmd.Flags()
	f.StringVar(&o.outDir, "out-dir", ".", "directory for rg-flow.png (and rg-fields.png)")
	f.Uint64Var(&o.seed, "seed", 1, "random seed")
	f.IntVar(&o.sites, "sites", 64, "spins per sampled chain")
	f.IntVar(&o.chains, "chains", 1000, "chains sampled per coupling")
	f.IntVar(&o.steps, "steps", 300, "Adam steps of each RBM fit")
	f.Float64Var(&o.k0, "k0", 2, "starting coupling of the iterated flow")
	f.IntVar(&o.iters, "iterations", 10, "RG steps of the iterated flow")
	f.BoolVar(&o.lattice, "lattice", false, "also run the 2-D stacked-RBM experiment")
	f.IntVar(&o.size, "size", 16, "2-D lattice side")
	f.IntVar(&o.samples, "samples", 2000, "2-D configurations")
	f.Float64Var(&o.temp, "temperature", 2.27, "2-D temperature")
	f.IntSliceVar(&o.hidden, "hidden", []int{64, 16}, "hidden units of each stacked RBM")
	f.IntVar(&o.stack.Epochs, "epochs", 100, "epochs per stacked RBM")
	f.IntVar(&o.stack.BatchSize, "batch-size", 20, "mini-batch of the stacked RBMs")
	f.Float64Var(&o.stack.LearningRate, "lr", 0.05, "learning rate of the stacked RBMs")
	f.Float64Var(&o.stack.L1, "l1", 0.02, "L1 penalty of the stacked RBMs")
	return cmd
}

// runRG runs the chain experiment and, with --lattice, the 2-D one.
func runRG(o *rgOptions) error {
	start := time.Now()
	rng := rand.New(rand.NewPCG(o.seed, 1))
	w := o.io.Out
	var ks []float64
	for k := 0.2; k < 2.0001; k += 0.1 {
		ks = append(ks, math.Round(k*10)/10)
	}
	pts, err := classical.LearnedFlow(ks, o.sites, o.chains, o.steps, 0.05, rng)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "1-D chain: RBM with one hidden spin per pair, %d chains of %d spins per K\n%6s %10s %10s %8s\n", o.chains, o.sites, "K", "learned K′", "tanh⁻¹t²", "gap")
	gap, below := 0.0, true
	var kk, kl, ke []float64
	for _, p := range pts {
		fmt.Fprintf(w, "%6.2f %10.4f %10.4f %8.4f\n", p.K, p.Learned, p.Exact, p.Learned-p.Exact)
		gap = math.Max(gap, math.Abs(p.Learned-p.Exact))
		below = below && p.Learned < p.K
		kk, kl, ke = append(kk, p.K), append(kl, p.Learned), append(ke, p.Exact)
	}
	fmt.Fprintf(w, "largest |learned − decimation| = %.4f; learned K′ < K everywhere: %v\n", gap, below)
	traj, err := classical.IterateFlow(o.k0, o.iters, o.sites, o.chains, o.steps, 0.05, rng)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "iterated learned flow from K = %g: %.4f\n", o.k0, traj)
	// Cobweb of the iterated flow: (K_n, K_n) → (K_n, K_{n+1}) → (K_{n+1}, K_{n+1}).
	var cx, cy []float64
	for i := 0; i+1 < len(traj); i++ {
		cx = append(cx, traj[i], traj[i])
		cy = append(cy, traj[i], traj[i+1])
	}
	flow, err := panel("1-D Ising: learned RG flow", "K", "K′", false,
		series{name: "learned (RBM)", xs: kk, ys: kl, color: trainColor, points: true},
		series{name: "decimation tanh K′ = tanh² K", xs: kk, ys: ke, color: valColor},
		series{name: "K′ = K", xs: []float64{0, 2}, ys: []float64{0, 2}, color: refColor, dash: dashed},
		series{name: "iterated", xs: cx, ys: cy, color: color.RGBA{R: 44, G: 160, B: 44, A: 255}})
	if err != nil {
		return err
	}
	flowPath := filepath.Join(o.outDir, "rg-flow.png")
	if err := writePanels(flowPath, flow); err != nil {
		return err
	}
	fmt.Fprintf(w, "wrote %s\n", flowPath)
	if o.lattice {
		if err := runRGLattice(o, rng); err != nil {
			return err
		}
	}
	fmt.Fprintf(w, "done in %.1fs\n", time.Since(start).Seconds())
	return nil
}

// runRGLattice trains the stack, reports localities and layer statistics,
// and writes the receptive fields.
func runRGLattice(o *rgOptions, rng *rand.Rand) error {
	w := o.io.Out
	x, err := classical.IsingSamples(o.size, o.temp, o.samples, 100, 2, rng)
	if err != nil {
		return err
	}
	stack, err := classical.StackRBMs(x, o.hidden, o.stack, rng)
	if err != nil {
		return err
	}
	fields, err := classical.ReceptiveFields(stack[0], o.size, 4)
	if err != nil {
		return err
	}
	worst, mean := 1.0, 0.0
	pos := make([][2]float64, len(fields))
	for j, f := range fields {
		worst, mean = math.Min(worst, f.Locality), mean+f.Locality/float64(len(fields))
		pos[j] = [2]float64{f.Row, f.Col}
	}
	fmt.Fprintf(w, "\n2-D lattice %d×%d at T = %g, %d configurations, RBMs %d → %v\n", o.size, o.size, o.temp, o.samples, o.size*o.size, o.hidden)
	fmt.Fprintf(w, "first-layer weight norm within the best 4×4 patch: smallest %.3f, mean %.3f\n", worst, mean)
	ups, err := classical.UpPass(stack, x, rng)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "%-22s %6s %8s %10s\n", "layer", "units", "⟨|m|⟩", "⟨s s′⟩_nn")
	l := float64(o.size)
	report := func(name string, st classical.LayerStats) {
		fmt.Fprintf(w, "%-22s %6d %8.4f %10.4f\n", name, st.Units, st.Magnetization, st.NeighbourCorr)
	}
	report("spins", classical.SpinStats(x, classical.LatticePositions(o.size, l), l))
	blocks, side := x, o.size
	for k, h := range ups {
		// Units sit at the centres of their receptive fields (deeper
		// layers: seen through the stack).
		if k > 0 {
			if pos, err = classical.StackPositions(stack[k], pos, l); err != nil {
				return err
			}
		}
		report(fmt.Sprintf("RBM layer %d", k+1), classical.SpinStats(h, pos, l))
		if side%2 == 0 {
			if blocks, err = classical.BlockSpins(blocks, side, 2); err != nil {
				return err
			}
			side /= 2
			report(fmt.Sprintf("block spins %d×%d", side, side), classical.SpinStats(blocks, classical.LatticePositions(side, l), l))
		}
	}
	path := filepath.Join(o.outDir, "rg-fields.png")
	if err := writeFields(path, stack[0], o.size); err != nil {
		return err
	}
	fmt.Fprintf(w, "wrote %s\n", path)
	return nil
}

// writeFields writes the receptive fields of the RBM's hidden units as a
// grid of L×L images (red positive, blue negative weights, each unit
// scaled to its largest |W|), 8 pixels a site.
func writeFields(path string, r *classical.RBM, l int) error {
	const px, gap = 8, 4
	cols := int(math.Ceil(math.Sqrt(float64(r.Hidden))))
	rows := (r.Hidden + cols - 1) / cols
	tile := l*px + gap
	img := image.NewRGBA(image.Rect(0, 0, cols*tile+gap, rows*tile+gap))
	for i := range img.Pix {
		img.Pix[i] = 160 // grey frames between the units
	}
	for j := range r.Hidden {
		top, left := gap+(j/cols)*tile, gap+(j%cols)*tile
		big := 0.0
		for i := range l * l {
			big = math.Max(big, math.Abs(r.W[i*r.Hidden+j]))
		}
		for i := range l * l {
			v := 0.0
			if big > 0 {
				v = r.W[i*r.Hidden+j] / big
			}
			c := color.RGBA{R: 255, G: uint8(255 * (1 - math.Abs(v))), B: uint8(255 * (1 - math.Abs(v))), A: 255}
			if v < 0 {
				c = color.RGBA{R: uint8(255 * (1 + v)), G: uint8(255 * (1 + v)), B: 255, A: 255}
			}
			for a := range px {
				for b := range px {
					img.Set(left+(i%l)*px+b, top+(i/l)*px+a, c)
				}
			}
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return err
	}
	return vqc.WriteFileAtomic(path, buf.Bytes())
}
