package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"

	"github.com/qmlgo/qml/bench"
)

func init() { subcommands = append(subcommands, newBenchCmd) }

// Files qml bench writes.
const (
	benchFile     = "bench.json"
	benchPlotFile = "bench.png"
	simFile       = "sim.json"
	simPlotFile   = "sim.png"
)

func newBenchCmd(s *IO) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "bench",
		Short: "Compare models on the same data, and simulators on the same circuits",
		Long: `bench runs comparison benchmarks:

  qml bench models SUITE.yaml   every model of a suite on identical splits, k seeds
  qml bench merge FILE...       join the bench.json files of shards
  qml bench sim                 simulators side by side on the same circuits`,
	}
	cmd.AddCommand(newBenchModelsCmd(s), newBenchMergeCmd(s), newBenchSimCmd(s))
	return cmd
}

// benchModelsOptions holds the parsed flags of `qml bench models`.
type benchModelsOptions struct {
	io     *IO
	suite  string
	out    string
	jobs   int
	shard  string
	resume bool
	times  bool
}

func newBenchModelsCmd(s *IO) *cobra.Command {
	o := &benchModelsOptions{io: s}
	cmd := &cobra.Command{
		Use:   "models SUITE.yaml",
		Short: "Train every model of a suite on the same splits and tabulate them",
		Long: `models reads a suite (datasets, one split seed, model seeds and model entries
whose model, train and backend sections are those of a qml train spec; see
examples/bench/small.yaml), trains every (dataset, model, seed) run on up to
--jobs goroutines and writes to the output directory:

  bench.json   every finished run (format qml-bench/1): metrics, parameters,
               epochs, circuit evaluations, wall time, dataset SHA-256,
               seeds, qml and Go versions, CPU; rewritten atomically as each
               run ends, so an interrupted suite keeps every finished run
  bench.png    test metric per dataset and model, mean ± std over seeds

and prints one Markdown table per dataset, best test metric first. A model
that fails shows its error in its row; the rest of the suite still runs.

--shard i/N runs every N-th run from the i-th (a deterministic 1/N of the
grid) into bench-shard-i-of-N.json; qml bench merge joins the shards into
the table one unsharded run prints.`,
		Example: `  qml bench models examples/bench/small.yaml --jobs 2
  qml bench models examples/bench/small.yaml --resume        # after Ctrl-C
  qml bench models suite.yaml --shard 0/3 --out runs/b        # one of 3 machines
  qml bench merge --out runs/b runs/b/bench-shard-*.json`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.suite = args[0]
			return runBenchModels(o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.out, "out", "", "output directory (default runs/bench/SUITE-NAME)")
	f.IntVar(&o.jobs, "jobs", runtime.NumCPU(), "runs trained at once")
	f.StringVar(&o.shard, "shard", "", "run only shard i of N of the grid, written as i/N")
	f.BoolVar(&o.resume, "resume", false, "keep the finished runs of the output file and run the rest")
	f.BoolVar(&o.times, "times", true, "print the wall-time column (off: tables that compare across machines)")
	return cmd
}

// runBenchModels runs a suite.
func runBenchModels(o *benchModelsOptions) error {
	s, err := bench.LoadSuite(o.suite)
	if err != nil {
		return err
	}
	if o.jobs < 1 {
		return fmt.Errorf("--jobs %d: want at least 1", o.jobs)
	}
	var sh bench.Shard
	if o.shard != "" {
		if sh, err = bench.ParseShard(o.shard); err != nil {
			return fmt.Errorf("--shard: %w", err)
		}
	}
	if o.out == "" {
		o.out = filepath.Join("runs", "bench", s.Name)
	}
	if err := os.MkdirAll(o.out, 0o755); err != nil {
		return err
	}
	path := filepath.Join(o.out, benchFile)
	if sh.Count > 1 {
		path = filepath.Join(o.out, fmt.Sprintf("bench-shard-%d-of-%d.json", sh.Index, sh.Count))
	}
	f := bench.NewFile(s, bench.CurrentEnvironment(version))
	if sh.Count > 1 {
		f.Shards = []string{sh.String()}
	}
	if o.resume {
		old, err := bench.ReadFile(path)
		if err != nil {
			return fmt.Errorf("--resume: %w", err)
		}
		if old.SuiteSHA256 != s.SHA256 {
			return fmt.Errorf("--resume: %s was written by a different version of the suite (sha256 %.12s…, now %.12s…); run without --resume", path, old.SuiteSHA256, s.SHA256)
		}
		f.Records = old.Records
	}
	done := f.Done()
	cells := bench.ShardOf(s.Grid(), sh)
	todo := 0
	for _, c := range cells {
		if !done[c.ID()] {
			todo++
		}
	}
	w := o.io.Out
	fmt.Fprintf(w, "%s: %d datasets, %d models, %d seeds; %d runs", s.Name, len(s.Datasets), len(s.Models), len(s.Seeds), len(cells))
	if sh.Count > 1 {
		fmt.Fprintf(w, " in shard %s", sh)
	}
	if skipped := len(cells) - todo; skipped > 0 {
		fmt.Fprintf(w, ", %d already finished", skipped)
	}
	fmt.Fprintf(w, "; %d at a time → %s\n", o.jobs, path)
	if err := f.Write(path); err != nil {
		return err
	}
	// SIGINT or SIGTERM stops the suite; bench.json already holds every
	// finished run.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	prog := newBenchProgress(o.io, todo)
	failed := 0
	err = bench.RunModels(ctx, s, cells, bench.RunOptions{
		Jobs: o.jobs,
		Skip: func(c bench.Cell) bool { return done[c.ID()] },
		OnDone: func(r bench.Record) error {
			f.Add(r)
			if r.Error != "" {
				failed++
			}
			prog.done(r)
			return f.Write(path)
		},
	})
	prog.finish()
	if errors.Is(err, context.Canceled) {
		return &exitError{code: 130, err: fmt.Errorf("interrupted: %d runs are in %s; continue with --resume", len(f.Records), path)}
	}
	if err != nil {
		return err
	}
	fmt.Fprintln(w)
	rows := bench.Summarise(f)
	if err := bench.Markdown(w, f, rows, bench.TableOptions{Times: o.times}); err != nil {
		return err
	}
	if sh.Count <= 1 {
		png := filepath.Join(o.out, benchPlotFile)
		if err := bench.PlotModels(rows, png); err != nil {
			fmt.Fprintf(o.io.Err, "qml: bench.png: %v\n", err)
		} else {
			fmt.Fprintf(w, "wrote %s and %s\n", path, png)
		}
	} else {
		fmt.Fprintf(w, "wrote %s\n", path)
	}
	if failed > 0 {
		fmt.Fprintf(w, "%d runs failed; their errors are in the notes column and in %s\n", failed, path)
	}
	return nil
}

// benchProgress shows finished runs: a bar on a terminal, else one line
// per run.
type benchProgress struct {
	s     *IO
	total int
	n     int
	bar   *progressbar.ProgressBar
}

func newBenchProgress(s *IO, total int) *benchProgress {
	p := &benchProgress{s: s, total: total}
	if s.IsTerminal && total > 0 {
		p.bar = progressbar.NewOptions(total,
			progressbar.OptionSetWriter(s.Out),
			progressbar.OptionSetWidth(30),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionShowCount(),
			progressbar.OptionShowElapsedTimeOnFinish(),
			progressbar.OptionSetRenderBlankState(true))
	}
	return p
}

// done reports one finished run.
func (p *benchProgress) done(r bench.Record) {
	p.n++
	line := fmt.Sprintf("%s: %s", r.ID(), recordLine(r))
	if p.bar != nil {
		p.bar.Describe(line)
		_ = p.bar.Add(1)
		return
	}
	fmt.Fprintf(p.s.Out, "[%*d/%d] %s\n", len(fmt.Sprint(p.total)), p.n, p.total, line)
}

// finish ends the bar's line.
func (p *benchProgress) finish() {
	if p.bar != nil {
		_ = p.bar.Finish()
		fmt.Fprintln(p.s.Out)
	}
}

// recordLine is a finished run's headline: its test metric and time, or
// its error.
func recordLine(r bench.Record) string {
	if r.Error != "" {
		msg, _, _ := strings.Cut(r.Error, "\n")
		return "failed: " + msg
	}
	for _, k := range []string{"test_accuracy", "test_nll", "nll", "energy_error", "test_loss"} {
		if v, ok := r.Final[k]; ok {
			return fmt.Sprintf("%s %.4g (%.1fs)", k, v, r.WallSeconds)
		}
	}
	return fmt.Sprintf("done (%.1fs)", r.WallSeconds)
}
