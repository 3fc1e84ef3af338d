package main

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/qmlgo/qml/dataset"
	"github.com/qmlgo/qml/spec"
)

func init() { subcommands = append(subcommands, newEvalCmd) }

// evalOptions holds the parsed flags of `qml eval`.
type evalOptions struct {
	io      *IO
	model   string
	data    string
	label   string
	split   string
	seed    uint64
	seedSet bool
	format  string
}

func newEvalCmd(s *IO) *cobra.Command {
	o := &evalOptions{io: s}
	cmd := &cobra.Command{
		Use:   "eval MODEL.json --data SPEC.yaml|FILE.csv|DATASET",
		Short: "Evaluate a trained model on a dataset",
		Long: `eval scores a model written by qml train on labelled data, preparing the raw
features with the preprocessing saved in the model, and prints the mean loss
and the accuracy (classifiers). --data is one of:

  SPEC.yaml   the data of a run spec, split as training split it (same seed,
              same fractions); --split picks the part, test by default
  FILE.csv    every row of a CSV file with a header; the label column is
              --label, else the column the model was trained with, else the
              last; classes may be named or numbered
  DATASET     an embedded dataset (iris, wine, breast-cancer, digits) or a
              generator's default draw (circle, moons, …) with --seed; all
              samples

A VQE model takes no data; eval prints its energy. Classical classifiers
(logistic, mlp, mps-classifier, rbm with classifier: true) report the loss
their training reported as test_loss: the cross-entropy, or the quadratic
cost of the sweep-trained MPS.`,
		Example: `  qml eval runs/iris/model.json --data examples/iris.yaml
  qml eval runs/iris/model.json --data examples/iris.yaml --split train --format json
  qml eval runs/iris/model.json --data iris
  qml eval runs/circle/model.json --data circle --seed 99
  qml eval runs/mine/model.json --data new.csv --label species`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.model = args[0]
			o.seedSet = cmd.Flags().Changed("seed")
			return runEval(o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.data, "data", "", "a spec file, a CSV file or a dataset name")
	f.StringVar(&o.label, "label", "", "label column of a CSV file")
	f.StringVar(&o.split, "split", "", "part of a spec's data: train, validation, test (default) or all")
	f.Uint64Var(&o.seed, "seed", 0, "seed of the split or the generator (default: the spec's, or 0)")
	f.StringVar(&o.format, "format", "text", "output format: text or json")
	return cmd
}

func runEval(o *evalOptions) error {
	if o.format != "text" && o.format != "json" {
		return fmt.Errorf("--format %q: want text or json", o.format)
	}
	m, err := spec.LoadModel(o.model)
	if err != nil {
		return err
	}
	var d *dataset.Dataset
	desc := "energy"
	if m.Preprocess != nil {
		if o.data == "" {
			return fmt.Errorf("--data: which data? a spec file, a CSV file or a dataset name")
		}
		if d, desc, err = o.load(m); err != nil {
			return err
		}
	}
	ev, err := m.Evaluate(d)
	if err != nil {
		return err
	}
	if o.format == "json" {
		var acc *float64
		if !math.IsNaN(ev.Accuracy) {
			acc = &ev.Accuracy
		}
		out, err := json.MarshalIndent(struct {
			Model    string   `json:"model"`
			Data     string   `json:"data"`
			Samples  int      `json:"samples"`
			Loss     float64  `json:"loss"`
			Accuracy *float64 `json:"accuracy"`
		}{o.model, desc, ev.Samples, ev.Loss, acc}, "", "  ")
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(o.io.Out, "%s\n", out)
		return err
	}
	if m.Preprocess == nil {
		_, err = fmt.Fprintf(o.io.Out, "energy %.10f\n", ev.Loss)
		return err
	}
	line := fmt.Sprintf("%s, %d samples: loss %.6g", desc, ev.Samples, ev.Loss)
	if !math.IsNaN(ev.Accuracy) {
		line += fmt.Sprintf(", accuracy %.4f", ev.Accuracy)
	}
	_, err = fmt.Fprintln(o.io.Out, line)
	return err
}

// load reads the data --data names and describes it.
func (o *evalOptions) load(m *spec.Saved) (*dataset.Dataset, string, error) {
	isSpec := strings.HasSuffix(o.data, ".yaml") || strings.HasSuffix(o.data, ".yml")
	if o.split != "" && !isSpec {
		return nil, "", fmt.Errorf("--split %s: only a spec's data is split; a CSV file or a dataset name is used whole", o.split)
	}
	switch {
	case isSpec:
		return o.loadSpec()
	case strings.HasSuffix(o.data, ".csv") || strings.HasSuffix(o.data, ".csv.gz"):
		d, err := readLabelledCSV(o.data, o.label, m)
		return d, o.data, err
	}
	if o.label != "" {
		return nil, "", fmt.Errorf("--label: only a CSV file has label columns")
	}
	d, err := spec.LoadDataset(o.data, o.seed)
	return d, o.data, err
}

// loadSpec loads the chosen split of a spec's data.
func (o *evalOptions) loadSpec() (*dataset.Dataset, string, error) {
	s, err := spec.Load(o.data)
	if err != nil {
		return nil, "", err
	}
	if o.seedSet {
		s.Seed = o.seed
	}
	sp, err := s.LoadData()
	if err != nil {
		return nil, "", err
	}
	if sp == nil {
		return nil, "", fmt.Errorf("%s has no data", o.data)
	}
	split := o.split
	if split == "" {
		split = "test"
	}
	var d *dataset.Dataset
	switch split {
	case "train":
		d = sp.Train
	case "validation":
		if d = sp.Validation; d == nil {
			return nil, "", fmt.Errorf("--split validation: %s holds out no validation data", o.data)
		}
	case "test":
		d = sp.Test
	case "all":
		parts := []*dataset.Dataset{sp.Train, sp.Validation, sp.Test}
		if d, err = concat(parts); err != nil {
			return nil, "", err
		}
	default:
		return nil, "", fmt.Errorf("--split %q: want train, validation, test or all", split)
	}
	return d, fmt.Sprintf("%s %s split", sp.Name, split), nil
}

// concat joins the non-nil datasets of parts, which share their columns.
func concat(parts []*dataset.Dataset) (*dataset.Dataset, error) {
	var out *dataset.Dataset
	for _, p := range parts {
		if p == nil {
			continue
		}
		if out == nil {
			out = p.Clone()
			continue
		}
		out.X = append(out.X, p.X...)
		if out.Y != nil {
			out.Y = append(out.Y, p.Y...)
		}
		if out.Targets != nil {
			out.Targets = append(out.Targets, p.Targets...)
		}
	}
	return out, out.Validate()
}

// readLabelledCSV reads a CSV file for evaluation, its label column chosen
// by name (label, else the model's own label column) or else the last.
func readLabelledCSV(path, label string, m *spec.Saved) (*dataset.Dataset, error) {
	if label == "" {
		label = m.Preprocess.Label
	}
	opts := dataset.CSVOptions{LabelName: label, LabelIndex: -1, Labels: dataset.StringLabels}
	if m.Task() == "regressor" {
		opts.Labels = dataset.FloatTargets
	}
	d, err := dataset.LoadCSV(path, opts)
	if err != nil {
		return nil, err
	}
	return matchColumns(d, m.Preprocess.RawFeatures)
}

// matchColumns orders the columns of d as the model's raw features: by name
// when d has every one of them, else as they are when the count matches.
func matchColumns(d *dataset.Dataset, features []string) (*dataset.Dataset, error) {
	idx := make([]int, len(features))
	for k, f := range features {
		if idx[k] = slices.Index(d.FeatureNames, f); idx[k] < 0 {
			idx = nil
			break
		}
	}
	switch {
	case idx != nil:
		return d.SelectFeatures(idx...)
	case d.Dim() == len(features):
		return d, nil
	}
	return nil, fmt.Errorf("%s: columns %v; the model reads %d features named %v", d.Name, d.FeatureNames, len(features), features)
}
