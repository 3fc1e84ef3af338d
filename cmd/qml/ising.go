package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"

	"github.com/qmlgo/qml/classical"
	"github.com/qmlgo/qml/vqc"
)

func init() { subcommands = append(subcommands, newIsingCmd) }

// isingOptions holds the parsed flags of `qml ising`.
type isingOptions struct {
	io   *IO
	out  string
	seed uint64
	cfg  classical.IsingPhasesConfig
}

func newIsingCmd(s *IO) *cobra.Command {
	o := &isingOptions{io: s}
	cmd := &cobra.Command{
		Use:   "ising",
		Short: "Generate an Ising phase-classification dataset (CSV)",
		Long: `ising samples equilibrium configurations of the 2-D square-lattice Ising
model (periodic L×L lattice, coupling J, no field) at evenly spaced
temperatures with Wolff cluster (or Metropolis) updates, and writes them as
a CSV file, the phase-classification data of Carrasquilla and Melko (Nat.
Phys. 13, 431 (2017)). Each row is

  label,temperature,s_0_0,s_0_1,…

with label 0 (ordered, T < T_c = 2.269 J) or 1 (disordered) first, as the
MNIST files are laid out, then the temperature, then the spins as ±1 with
site (r, c) in column s_r_c. Temperatures scan from hot to cold, each
continuing from the previous lattice. A name ending in .gz is compressed.
A progress bar shows on a terminal.`,
		Example: `  qml ising --out ising-L16.csv.gz
  qml ising --size 32 --per-temperature 500 --exclude 0.2 --out ising.csv
  qml ising --symmetrize --algorithm metropolis --seed 3 --out ising.csv`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return runIsing(o) },
	}
	f := cmd.Flags()
	f.StringVar(&o.out, "out", "", "output CSV file (.gz compresses); required")
	f.Uint64Var(&o.seed, "seed", 1, "random seed")
	f.IntVar(&o.cfg.L, "size", 16, "lattice side L")
	f.Float64Var(&o.cfg.J, "j", 1, "coupling J (> 0)")
	f.Float64Var(&o.cfg.TMin, "tmin", 1.5, "lowest temperature")
	f.Float64Var(&o.cfg.TMax, "tmax", 3.5, "highest temperature")
	f.IntVar(&o.cfg.Temperatures, "temperatures", 21, "number of evenly spaced temperatures")
	f.IntVar(&o.cfg.PerTemperature, "per-temperature", 100, "configurations kept per temperature")
	f.Float64Var(&o.cfg.Exclude, "exclude", 0, "leave out temperatures with |T − T_c| below this")
	f.IntVar(&o.cfg.Thermalize, "thermalize", 200, "sweeps before the first configuration of each temperature")
	f.IntVar(&o.cfg.Interval, "interval", 10, "sweeps between kept configurations")
	f.StringVar(&o.cfg.Algorithm, "algorithm", classical.WolffUpdate, "update: wolff or metropolis")
	f.BoolVar(&o.cfg.Symmetrize, "symmetrize", false, "flip each configuration to non-negative magnetisation")
	return cmd
}

// runIsing generates the dataset and writes it.
func runIsing(o *isingOptions) error {
	if o.out == "" {
		return fmt.Errorf("--out: name the CSV file to write, e.g. --out ising.csv.gz")
	}
	for _, c := range []struct {
		flag string
		v    int
	}{{"--size", o.cfg.L}, {"--temperatures", o.cfg.Temperatures}, {"--per-temperature", o.cfg.PerTemperature}, {"--interval", o.cfg.Interval}} {
		if c.v < 1 {
			return fmt.Errorf("%s %d: want at least 1", c.flag, c.v)
		}
	}
	started := time.Now()
	var bar *progressbar.ProgressBar
	if o.io.IsTerminal {
		bar = progressbar.NewOptions(o.cfg.Temperatures,
			progressbar.OptionSetWriter(o.io.Out),
			progressbar.OptionSetWidth(30),
			progressbar.OptionSetDescription("temperatures"),
			progressbar.OptionShowCount(),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionSetRenderBlankState(true))
		o.cfg.Progress = func(done, total int) {
			bar.ChangeMax(total)
			_ = bar.Set(done)
		}
	}
	d, err := classical.IsingPhases(o.cfg, rand.New(rand.NewPCG(o.seed, 1)))
	if bar != nil {
		_ = bar.Finish()
		fmt.Fprintln(o.io.Out)
	}
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	var w io.Writer = &buf
	var gz *gzip.Writer
	if strings.HasSuffix(o.out, ".gz") {
		gz = gzip.NewWriter(&buf)
		w = gz
	}
	bw := bufio.NewWriter(w)
	bw.WriteString("label,temperature")
	for _, name := range d.FeatureNames {
		bw.WriteString("," + name)
	}
	bw.WriteByte('\n')
	for i, x := range d.X {
		bw.WriteString(strconv.Itoa(d.Y[i]))
		bw.WriteString("," + strconv.FormatFloat(d.Targets[i], 'g', -1, 64))
		for _, s := range x {
			if s > 0 {
				bw.WriteString(",1")
			} else {
				bw.WriteString(",-1")
			}
		}
		bw.WriteByte('\n')
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if gz != nil {
		if err := gz.Close(); err != nil {
			return err
		}
	}
	if err := vqc.WriteFileAtomic(o.out, buf.Bytes()); err != nil {
		return err
	}
	counts := d.ClassCounts()
	fmt.Fprintf(o.io.Out, "wrote %s: %d configurations of %d×%d spins (%d ordered, %d disordered) in %.1fs\n",
		o.out, d.Len(), o.cfg.L, o.cfg.L, counts[classical.Ordered], counts[classical.Disordered], time.Since(started).Seconds())
	return nil
}
