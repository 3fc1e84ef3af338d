package main

import (
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"sort"
	"text/tabwriter"

	"github.com/qmlgo/qml/circuit"
	"github.com/qmlgo/qml/statevector"
	"github.com/spf13/cobra"
)

func init() { subcommands = append(subcommands, newRunCmd) }

// maxProbabilityQubits bounds the "probabilities" array: 2^20 numbers.
const maxProbabilityQubits = 20

// defaultShots is used when a circuit measures and --shots is not given.
const defaultShots = 1024

// runOptions holds the parsed flags of qml run.
type runOptions struct {
	file        string
	shots       int
	shotsSet    bool
	seed        uint64
	observables []string
	format      string
	threads     int
}

func newRunCmd(s *IO) *cobra.Command {
	opts := &runOptions{}
	cmd := &cobra.Command{
		Use:   "run FILE.qasm",
		Short: "Simulate an OpenQASM 2.0 circuit",
		Long: `Simulate an OpenQASM 2.0 circuit on the state vector.

Counts are keyed by classical bitstrings with bit 0 rightmost (for a circuit
without measurements, by qubit bitstrings with qubit 0 rightmost). Circuits
whose measurements are all terminal are sampled from the final state in one
pass; mid-circuit measurement, reset and if() run shot by shot.

Observables are weighted Pauli sums: "0.5*Z0*Z1 - 1.2*X2 + 0.3", or Qiskit
labels read right to left ("IZ" is Z on qubit 0).`,
		Example: `  qml run examples/bell.qasm
  qml run examples/bell.qasm --shots 4000 --seed 7 --format json
  qml run examples/variational.qasm --observable "Z0*Z1" --observable "X0 + X1"`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.file = args[0]
			opts.shotsSet = cmd.Flags().Changed("shots")
			return runRun(s, opts)
		},
	}
	f := cmd.Flags()
	f.IntVar(&opts.shots, "shots", defaultShots, "number of shots to sample (0: none; default 1024 when the circuit measures, else 0)")
	f.Uint64Var(&opts.seed, "seed", 1, "seed of the shot sampler")
	f.StringArrayVar(&opts.observables, "observable", nil, "Pauli-sum observable to evaluate (repeatable)")
	f.StringVar(&opts.format, "format", "text", "output format: text or json")
	f.IntVar(&opts.threads, "threads", 0, "goroutines for the simulation kernels (0: all cores)")
	return cmd
}

// runReport is the JSON output of qml run.
type runReport struct {
	File          string         `json:"file"`
	Qubits        int            `json:"qubits"`
	Clbits        int            `json:"clbits"`
	Gates         int            `json:"gates"`
	Dynamic       bool           `json:"dynamic"`
	Shots         int            `json:"shots,omitempty"`
	Seed          *uint64        `json:"seed,omitempty"`
	Probabilities []float64      `json:"probabilities,omitempty"`
	Counts        map[string]int `json:"counts,omitempty"`
	Expectations  []expectation  `json:"expectations,omitempty"`
	Notes         []string       `json:"notes,omitempty"`
}

type expectation struct {
	Observable string  `json:"observable"`
	Value      float64 `json:"value"`
}

func runRun(s *IO, opts *runOptions) error {
	if opts.format != "text" && opts.format != "json" {
		return &exitError{2, fmt.Errorf("--format %q: want text or json", opts.format)}
	}
	if opts.shots < 0 {
		return &exitError{2, fmt.Errorf("--shots %d: want 0 or more", opts.shots)}
	}
	if opts.threads < 0 {
		return &exitError{2, fmt.Errorf("--threads %d: want 0 (all cores) or more", opts.threads)}
	}
	statevector.SetThreads(opts.threads)
	obs := make([]circuit.Observable, len(opts.observables))
	for i, text := range opts.observables {
		o, err := circuit.ParseObservable(text)
		if err != nil {
			return &exitError{2, fmt.Errorf("--observable: %w", err)}
		}
		obs[i] = o
	}
	f, err := os.Open(opts.file)
	if err != nil {
		return err
	}
	defer f.Close()
	c, err := circuit.ReadQASM(f, opts.file)
	if err != nil {
		return err
	}
	for i, o := range obs {
		if err := o.Validate(c.NumQubits); err != nil {
			return &exitError{2, fmt.Errorf("--observable %q: %w", opts.observables[i], err)}
		}
	}
	_, measures, _ := c.Split()
	measuring := len(measures) > 0 || hasMeasure(c)
	shots := opts.shots
	if !opts.shotsSet && !measuring {
		shots = 0
	}
	rep := runReport{File: opts.file, Qubits: c.NumQubits, Clbits: c.NumClbits, Gates: countGates(c), Shots: shots}
	var rng *rand.Rand
	if shots > 0 {
		rng = rand.New(rand.NewPCG(opts.seed, 0))
		rep.Seed = &opts.seed
	}
	res, err := statevector.Execute(c, circuit.Binding{}, shots, rng)
	if err != nil {
		return err
	}
	rep.Dynamic = res.Dynamic
	if shots > 0 {
		rep.Counts = res.Counts
	}
	switch {
	case res.State == nil:
		rep.Notes = append(rep.Notes, "probabilities left out: the circuit measures mid-way, so there is no single final state")
	case c.NumQubits > maxProbabilityQubits:
		rep.Notes = append(rep.Notes, fmt.Sprintf("probabilities left out: %d qubits is more than %d", c.NumQubits, maxProbabilityQubits))
	default:
		rep.Probabilities = res.State.Probabilities()
	}
	if len(obs) > 0 {
		if res.State == nil {
			return fmt.Errorf("%s: observables need a circuit whose measurements are all terminal", opts.file)
		}
		vals, err := res.State.Expectations(obs)
		if err != nil {
			return err
		}
		for i, v := range vals {
			rep.Expectations = append(rep.Expectations, expectation{Observable: opts.observables[i], Value: v})
		}
	}
	if opts.format == "json" {
		enc := json.NewEncoder(s.Out)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	return writeRunText(s.Out, &rep)
}

func hasMeasure(c *circuit.Circuit) bool {
	for _, op := range c.Ops {
		if op.Kind == circuit.MeasureOp {
			return true
		}
	}
	return false
}

func countGates(c *circuit.Circuit) int {
	n := 0
	for _, op := range c.Ops {
		if op.Kind == circuit.GateOp {
			n++
		}
	}
	return n
}

// maxTextRows bounds the rows of counts and probabilities printed as text.
const maxTextRows = 32

func writeRunText(w io.Writer, rep *runReport) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "%s: %d qubits, %d classical bits, %d gates\n", rep.File, rep.Qubits, rep.Clbits, rep.Gates)
	if rep.Counts != nil {
		fmt.Fprintf(tw, "\ncounts (%d shots, seed %d, bit 0 rightmost):\n", rep.Shots, *rep.Seed)
		keys := make([]string, 0, len(rep.Counts))
		for k := range rep.Counts {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(a, b int) bool {
			ca, cb := rep.Counts[keys[a]], rep.Counts[keys[b]]
			if ca != cb {
				return ca > cb
			}
			return keys[a] < keys[b]
		})
		for i, k := range keys {
			if i == maxTextRows {
				fmt.Fprintf(tw, "  … %d more outcomes (use --format json)\n", len(keys)-maxTextRows)
				break
			}
			fmt.Fprintf(tw, "  %s\t%d\n", k, rep.Counts[k])
		}
	}
	if rep.Probabilities != nil {
		fmt.Fprintf(tw, "\nprobabilities (qubit 0 rightmost, nonzero only):\n")
		idx := make([]int, 0)
		for i, p := range rep.Probabilities {
			if p > 1e-12 {
				idx = append(idx, i)
			}
		}
		sort.SliceStable(idx, func(a, b int) bool { return rep.Probabilities[idx[a]] > rep.Probabilities[idx[b]] })
		for i, k := range idx {
			if i == maxTextRows {
				fmt.Fprintf(tw, "  … %d more (use --format json)\n", len(idx)-maxTextRows)
				break
			}
			fmt.Fprintf(tw, "  %s\t%.6g\n", statevector.Bitstring(k, rep.Qubits), rep.Probabilities[k])
		}
	}
	for _, e := range rep.Expectations {
		fmt.Fprintf(tw, "\n<%s> = %.12g", e.Observable, e.Value)
	}
	if len(rep.Expectations) > 0 {
		fmt.Fprintln(tw)
	}
	for _, n := range rep.Notes {
		fmt.Fprintf(tw, "\nnote: %s\n", n)
	}
	return tw.Flush()
}
