package main

import (
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"

	"github.com/qmlgo/qml/spec"
	"github.com/qmlgo/qml/vqc"
)

// Files a training run writes into its output directory.
const (
	resultsFile    = "results.json"
	modelFile      = "model.json"
	plotFile       = "training.png"
	checkpointFile = "checkpoint.json"
)

// writeRun writes results.json, model.json and training.png into dir, each
// atomically, and returns their paths.
func writeRun(dir string, run *spec.Run, res *spec.Results) ([]string, error) {
	data, err := res.JSON()
	if err != nil {
		return nil, fmt.Errorf("results: %w", err)
	}
	paths := []string{filepath.Join(dir, resultsFile), filepath.Join(dir, modelFile), filepath.Join(dir, plotFile)}
	if err := vqc.WriteFileAtomic(paths[0], append(data, '\n')); err != nil {
		return nil, err
	}
	if err := run.Trainer.Save(paths[1]); err != nil {
		return nil, fmt.Errorf("model: %w", err)
	}
	png, err := trainingPlot(res)
	if err != nil {
		return nil, fmt.Errorf("plot: %w", err)
	}
	if err := vqc.WriteFileAtomic(paths[2], png); err != nil {
		return nil, err
	}
	return paths, nil
}

// printSummary writes the outcome of a run: the headline metrics and where
// the files went.
func printSummary(w io.Writer, res *spec.Results, paths []string) {
	f := res.Final
	var head []string
	show := func(key, label, format string) {
		if v, ok := f[key]; ok {
			head = append(head, fmt.Sprintf("%s "+format, label, v))
		}
	}
	show("train_accuracy", "train accuracy", "%.4f")
	show("validation_accuracy", "validation accuracy", "%.4f")
	show("test_accuracy", "test accuracy", "%.4f")
	if _, ok := f["test_accuracy"]; !ok {
		show("test_loss", "test loss", "%.6g")
	}
	show("infidelity", "infidelity", "%.3g")
	show("infidelity_resimulated", "re-simulated", "%.3g")
	show("leakage", "leakage", "%.3g")
	show("energy", "energy", "%.10f")
	show("exact_energy", "exact", "%.10f")
	show("energy_error", "error", "%.3g")
	show("nll", "NLL", "%.5g")
	show("capacity_transition", "capacity transition", "%.3g")
	fmt.Fprintf(w, "%s: %s\n", res.Name, strings.Join(head, ", "))
	evals := ""
	if res.CircuitEvaluations > 0 {
		evals = fmt.Sprintf(", %d circuit evaluations", res.CircuitEvaluations)
	}
	fmt.Fprintf(w, "%d epochs in %.1fs%s\n", len(res.Epochs), res.WallSeconds, evals)
	sort.Strings(paths)
	fmt.Fprintf(w, "wrote %s\n", strings.Join(paths, ", "))
}
