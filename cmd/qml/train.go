package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"github.com/qmlgo/qml/spec"
)

func init() { subcommands = append(subcommands, newTrainCmd) }

// trainOptions holds the parsed flags of `qml train`.
type trainOptions struct {
	io     *IO
	spec   string
	out    string
	seed   uint64
	epochs int
	resume bool
	// seedSet and epochsSet say whether the flags were given, so that a
	// given 0 is not mistaken for "keep the spec's value".
	seedSet, epochsSet bool
}

func newTrainCmd(s *IO) *cobra.Command {
	o := &trainOptions{io: s}
	cmd := &cobra.Command{
		Use:   "train SPEC.yaml",
		Short: "Train a model from a run spec",
		Long: `train reads a run spec (docs/spec.md), loads and prepares its data (scalers
and PCA fitted on the training split only), builds the model and trains it,
checkpointing every epoch to OUT/checkpoint.json. It then writes to the output
directory (the spec's output, or --out):

  results.json   the record of the run: spec as run, seed, per-epoch metrics,
                 final metrics, dataset checksum (format qml-results/1)
  model.json     the trained model with its preprocessing, for qml predict/eval
  training.png   loss and accuracy per epoch, training and validation

A progress bar shows on a terminal; otherwise one line per epoch.`,
		Example: `  qml train examples/iris.yaml
  qml train examples/circle.yaml --out /tmp/circle --seed 3
  qml train examples/h2-vqe.yaml --epochs 50
  qml train examples/breast-cancer.yaml --resume   # continue from the checkpoint`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.spec = args[0]
			o.seedSet = cmd.Flags().Changed("seed")
			o.epochsSet = cmd.Flags().Changed("epochs")
			return runTrain(o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.out, "out", "", "output directory (default: the spec's output)")
	f.Uint64Var(&o.seed, "seed", 0, "random seed, overriding the spec's")
	f.IntVar(&o.epochs, "epochs", 0, "number of epochs, overriding the spec's")
	f.BoolVar(&o.resume, "resume", false, "continue from OUT/checkpoint.json")
	return cmd
}

// runTrain trains one spec and writes its results.
func runTrain(o *trainOptions) error {
	s, err := spec.Load(o.spec)
	if err != nil {
		return err
	}
	if o.seedSet {
		s.Seed = o.seed
	}
	if o.epochsSet {
		if o.epochs < 1 {
			return fmt.Errorf("--epochs %d: want at least 1", o.epochs)
		}
		s.Train.Epochs = o.epochs
	}
	if o.out != "" {
		s.Output = o.out
	}
	run, err := spec.Build(s)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(s.Output, 0o755); err != nil {
		return err
	}
	ckpt := filepath.Join(s.Output, checkpointFile)
	if o.resume {
		if _, err := os.Stat(ckpt); errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("--resume: no checkpoint at %s; train without --resume first", ckpt)
		}
	}
	w := o.io.Out
	fmt.Fprintf(w, "%s\n", describeRun(run))
	prog := newProgress(o.io, s.Train.Epochs, s.Model.Kind == "vqc" && run.Data == nil)
	started := time.Now()
	hist, err := run.Trainer.Fit(spec.FitOptions{Checkpoint: ckpt, Resume: o.resume, OnEpoch: prog.epoch, OnBatch: prog.batch})
	prog.finish()
	if err != nil {
		return fmt.Errorf("training: %w", err)
	}
	wall := time.Since(started)
	final, err := run.Trainer.Final()
	if err != nil {
		return fmt.Errorf("final evaluation: %w", err)
	}
	res := spec.NewResults(run, hist, final, started, wall)
	res.QMLVersion = version
	paths, err := writeRun(s.Output, run, res)
	if err != nil {
		return err
	}
	printSummary(w, res, paths)
	return nil
}

// describeRun is the one-line header printed before training.
func describeRun(r *spec.Run) string {
	s := r.Spec
	msg := fmt.Sprintf("%s: %s, %d parameters", s.Name, s.Model.Describe(), r.Trainer.NumParams())
	if r.Data != nil {
		msg += fmt.Sprintf("; %s (%s)", r.Data.Name, r.Data.Describe())
	}
	return msg + fmt.Sprintf("; %d epochs, seed %d", s.Train.Epochs, s.Seed)
}
