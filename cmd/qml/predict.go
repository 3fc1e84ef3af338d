package main

import (
	"compress/gzip"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/qmlgo/qml/spec"
)

func init() { subcommands = append(subcommands, newPredictCmd) }

// predictOptions holds the parsed flags of `qml predict`.
type predictOptions struct {
	io     *IO
	model  string
	inputs []string
	format string
}

func newPredictCmd(s *IO) *cobra.Command {
	o := &predictOptions{io: s}
	cmd := &cobra.Command{
		Use:   "predict MODEL.json --input VALUES|FILE.csv|-",
		Short: "Predict with a trained model",
		Long: `predict applies a model written by qml train to raw feature vectors: the
preprocessing saved in the model (column selection, scaling, PCA) is applied
first, so inputs are in the units of the original data. --input is one of:

  "5.1,3.5,1.4,0.2"   one sample, comma-separated (several: separate with ';'
                      or repeat --input)
  FILE.csv            a CSV file with a header; columns are matched to the
                      model's features by name (other columns, such as a
                      label, are ignored), else taken in order
  -                   a CSV file on standard input

A classifier prints the class and the class probabilities, a regressor the
value. MODEL.json is a vqc model or a classical classifier (logistic, mlp,
mps-classifier, or rbm trained with classifier: true); the sweep-trained MPS
reports the softmax of its normalised outputs as probabilities.`,
		Example: `  qml predict runs/iris/model.json --input "5.1,3.5,1.4,0.2"
  qml predict runs/iris/model.json --input "5.1,3.5,1.4,0.2; 6.7,3.0,5.2,2.3" --format json
  qml predict runs/iris/model.json --input flowers.csv`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.model = args[0]
			return runPredict(o)
		},
	}
	f := cmd.Flags()
	f.StringArrayVar(&o.inputs, "input", nil, "feature values, a CSV file, or - for standard input (repeatable)")
	f.StringVar(&o.format, "format", "text", "output format: text or json")
	return cmd
}

func runPredict(o *predictOptions) error {
	if o.format != "text" && o.format != "json" {
		return fmt.Errorf("--format %q: want text or json", o.format)
	}
	if len(o.inputs) == 0 {
		return fmt.Errorf("--input: give feature values such as \"5.1,3.5,1.4,0.2\", a CSV file or -")
	}
	m, err := spec.LoadModel(o.model)
	if err != nil {
		return err
	}
	if m.Preprocess == nil {
		return fmt.Errorf("%s: a %s model takes no inputs; use qml eval for its energy", o.model, m.Task())
	}
	var rows [][]float64
	for _, in := range o.inputs {
		r, err := readInput(in, o.io.In, m.Preprocess.RawFeatures)
		if err != nil {
			return err
		}
		rows = append(rows, r...)
	}
	preds, err := m.Predict(rows)
	if err != nil {
		return err
	}
	if o.format == "json" {
		out, err := json.MarshalIndent(preds, "", "  ")
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(o.io.Out, "%s\n", out)
		return err
	}
	return printPredictions(o.io.Out, preds, m)
}

// readInput turns one --input into raw feature rows.
func readInput(in string, stdin io.Reader, features []string) ([][]float64, error) {
	if in == "-" {
		return readCSVInput(stdin, "stdin", features)
	}
	isFile := strings.HasSuffix(in, ".csv") || strings.HasSuffix(in, ".csv.gz")
	if _, err := os.Stat(in); !isFile && err != nil {
		return parseValues(in, len(features))
	}
	f, err := os.Open(in)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(in, ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", in, err)
		}
		defer zr.Close()
		r = zr
	}
	return readCSVInput(r, in, features)
}

// readCSVInput reads feature rows from CSV text. With a header naming every
// feature the model reads, columns are taken by name (in any order, others
// ignored); otherwise there must be one column per feature, taken in order,
// under a header or none (a first row of numbers is data).
func readCSVInput(r io.Reader, name string, features []string) ([][]float64, error) {
	cr := csv.NewReader(r)
	cr.TrimLeadingSpace = true
	records, err := cr.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(records) == 0 {
		return nil, fmt.Errorf("%s: empty", name)
	}
	cols := make([]int, len(features))
	header := records[0]
	for k, f := range features {
		if cols[k] = slices.Index(header, f); cols[k] < 0 {
			cols = nil
			break
		}
	}
	first := 1
	if cols == nil {
		if len(header) != len(features) {
			return nil, fmt.Errorf("%s: columns %v; the model reads %d features named %v", name, header, len(features), features)
		}
		cols = make([]int, len(features))
		for k := range cols {
			cols[k] = k
		}
		if _, err := parseRow(header, cols); err == nil {
			first = 0
		}
	}
	var rows [][]float64
	for i, rec := range records[first:] {
		row, err := parseRow(rec, cols)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, first+i+1, err)
		}
		rows = append(rows, row)
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("%s: no data rows", name)
	}
	return rows, nil
}

// parseRow reads the numbers in the given columns of a CSV record.
func parseRow(rec []string, cols []int) ([]float64, error) {
	row := make([]float64, len(cols))
	for k, c := range cols {
		v, err := strconv.ParseFloat(strings.TrimSpace(rec[c]), 64)
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, fmt.Errorf("column %d: %q is not a finite number", c+1, rec[c])
		}
		row[k] = v
	}
	return row, nil
}

// parseValues reads "5.1,3.5,1.4,0.2; 6.7,3.0,5.2,2.3".
func parseValues(in string, want int) ([][]float64, error) {
	var rows [][]float64
	for i, sample := range strings.Split(in, ";") {
		fields := strings.Split(sample, ",")
		if len(fields) != want {
			return nil, fmt.Errorf("--input %q: sample %d has %d values, the model reads %d", in, i+1, len(fields), want)
		}
		row := make([]float64, len(fields))
		for j, f := range fields {
			v, err := strconv.ParseFloat(strings.TrimSpace(f), 64)
			if err != nil {
				return nil, fmt.Errorf("--input %q: sample %d, value %d: %q is not a number", in, i+1, j+1, strings.TrimSpace(f))
			}
			row[j] = v
		}
		rows = append(rows, row)
	}
	return rows, nil
}

// printPredictions writes one line per sample: the class and the class
// probabilities, or the value.
func printPredictions(w io.Writer, preds []spec.Prediction, m *spec.Saved) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	if len(preds) > 0 && preds[0].Value != nil {
		fmt.Fprintln(tw, "#\tvalue")
		for i, p := range preds {
			fmt.Fprintf(tw, "%d\t%.6g\n", i+1, *p.Value)
		}
		return tw.Flush()
	}
	names := m.Preprocess.ClassNames
	head := []string{"#", "class"}
	for k := range m.NumClasses() {
		name := strconv.Itoa(k)
		if k < len(names) {
			name = names[k]
		}
		head = append(head, "p("+name+")")
	}
	fmt.Fprintln(tw, strings.Join(head, "\t"))
	for i, p := range preds {
		class := strconv.Itoa(p.Class)
		if p.Label != "" {
			class = p.Label
		}
		cells := []string{strconv.Itoa(i + 1), class}
		for _, v := range p.Probabilities {
			cells = append(cells, fmt.Sprintf("%.4f", v))
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	return tw.Flush()
}
