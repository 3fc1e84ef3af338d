package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/qmlgo/qml/bench"
)

// benchMergeOptions holds the parsed flags of `qml bench merge`.
type benchMergeOptions struct {
	io    *IO
	files []string
	out   string
	times bool
}

func newBenchMergeCmd(s *IO) *cobra.Command {
	o := &benchMergeOptions{io: s}
	cmd := &cobra.Command{
		Use:   "merge FILE.json...",
		Short: "Join the bench.json files of the shards of one suite",
		Long: `merge reads the bench.json files written by qml bench models --shard i/N
(and any others of the same suite), checks that they come from the same
suite file, and writes OUT/bench.json and OUT/bench.png with every run, in
grid order, printing the table an unsharded run prints.`,
		Example: `  qml bench merge --out runs/b runs/b/bench-shard-0-of-3.json runs/b/bench-shard-1-of-3.json runs/b/bench-shard-2-of-3.json`,
		Args:    cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.files = args
			return runBenchMerge(o)
		},
	}
	cmd.Flags().StringVar(&o.out, "out", ".", "output directory")
	cmd.Flags().BoolVar(&o.times, "times", true, "print the wall-time column")
	return cmd
}

// runBenchMerge merges shard files.
func runBenchMerge(o *benchMergeOptions) error {
	var files []*bench.File
	for _, p := range o.files {
		f, err := bench.ReadFile(p)
		if err != nil {
			return err
		}
		files = append(files, f)
	}
	m, err := bench.Merge(files...)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(o.out, 0o755); err != nil {
		return err
	}
	path := filepath.Join(o.out, benchFile)
	if err := m.Write(path); err != nil {
		return err
	}
	rows := bench.Summarise(m)
	if err := bench.Markdown(o.io.Out, m, rows, bench.TableOptions{Times: o.times}); err != nil {
		return err
	}
	png := filepath.Join(o.out, benchPlotFile)
	if err := bench.PlotModels(rows, png); err != nil {
		return fmt.Errorf("bench.png: %w", err)
	}
	fmt.Fprintf(o.io.Out, "merged %d files (%d runs) into %s and %s\n", len(files), len(m.Records), path, png)
	return nil
}
