package main

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/qmlgo/qml/circuit"
	"github.com/qmlgo/qml/density"
	"github.com/qmlgo/qml/mps"
	"github.com/qmlgo/qml/spec"
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
	// State-vector gate fusion ("off", "auto" or 1…5) and precision.
	fusion    string
	precision string
	// Simulator choice and the matrix product state's limits.
	backend      string
	maxBond      int
	maxBondSet   bool
	cutoff       float64
	maxMemory    string
	warnFidelity float64
	// noise is a noise-model file (YAML or JSON); trajectories is the
	// number of trajectories that estimate expectation values when the
	// noisy circuit runs as trajectories.
	noise        string
	trajectories int
	// weights and inputs are the comma-separated values of the circuit's
	// weights θ[i] and data inputs x[j] (--weights, --inputs).
	weights string
	inputs  string
}

func newRunCmd(s *IO) *cobra.Command {
	opts := &runOptions{}
	cmd := &cobra.Command{
		Use:   "run FILE.qasm",
		Short: "Simulate an OpenQASM 2.0 or 3 circuit",
		Long: `Simulate an OpenQASM circuit on the state vector or on a matrix product
state (MPS). The header says the version: OPENQASM 2.0 or OPENQASM 3 (the
subset circuit.ParseQASM3 documents).

A parameterised circuit takes its angles from --weights and --inputs,
comma-separated numbers or constant expressions (pi/2): --weights gives the
trainable weights θ[0], θ[1], … and --inputs the data inputs x[0], x[1], ….
In OpenQASM 3, "input float[64] x;" (or an array named x) declares the data
inputs and every other input declares the next weights, in declaration
order: after "input float[64] a; input array[float[64], 2] b;" the weights
are a, b[0], b[1]. A circuit with an unbound weight or input is refused.

--backend statevector (the default) holds all 2^n amplitudes: exact, and
fastest for few qubits or deep circuits. --backend mps holds the state as a
chain of tensors whose bond dimension grows with the entanglement: 100+
qubits run when the entanglement stays bounded, and --max-bond caps the bond
dimension, trading fidelity for time; the output then reports the largest
bond reached, the discarded weight and the fidelity estimate. --backend auto
picks whichever fits in memory and is predicted faster, from the circuit's
size and a bound on the MPS bond dimensions (a note says why).

Counts are keyed by classical bitstrings with bit 0 rightmost (for a circuit
without measurements, by qubit bitstrings with qubit 0 rightmost). Circuits
whose measurements are all terminal are sampled from the final state in one
pass; mid-circuit measurement, reset and if() run shot by shot.

--noise model.yaml runs the circuit under a noise model (channels after
gates, readout errors on measurements; see docs or spec.ParseNoiseModel).
Up to 13 qubits, circuits whose measurements are all terminal run exactly
on the density matrix (--backend density): probabilities and expectation
values are exact and counts are sampled from them. Larger or dynamic
circuits run as quantum trajectories (--backend trajectories), one per
shot; their expectation values are means over --trajectories runs and
come with a standard error.

Observables are weighted Pauli sums: "0.5*Z0*Z1 - 1.2*X2 + 0.3", or Qiskit
labels read right to left ("IZ" is Z on qubit 0).`,
		Example: `  qml run examples/bell.qasm
  qml run examples/bell.qasm --shots 4000 --seed 7 --format json
  qml run examples/variational.qasm --observable "Z0*Z1" --observable "X0 + X1"
  qml run ansatz3.qasm --weights 0.1,pi/4,-0.3 --inputs 0.5,1.2 --observable Z0
  qml run circuit.qasm --backend mps --max-bond 64 --cutoff 1e-12 --format json
  qml run examples/ghz.qasm --noise examples/noise/depolarizing.yaml --observable "Z0*Z1"`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.file = args[0]
			opts.shotsSet = cmd.Flags().Changed("shots")
			opts.maxBondSet = cmd.Flags().Changed("max-bond")
			return runRun(s, opts)
		},
	}
	f := cmd.Flags()
	f.IntVar(&opts.shots, "shots", defaultShots, "number of shots to sample (0: none; default 1024 when the circuit measures, else 0)")
	f.Uint64Var(&opts.seed, "seed", 1, "seed of the shot sampler")
	f.StringArrayVar(&opts.observables, "observable", nil, "Pauli-sum observable to evaluate (repeatable)")
	f.StringVar(&opts.format, "format", "text", "output format: text or json")
	f.IntVar(&opts.threads, "threads", 0, "goroutines for the simulation kernels (0: all cores)")
	f.StringVar(&opts.fusion, "fusion", "auto", "state-vector gate fusion: auto (by the measured cost model), off, or the largest fused gate in qubits, 1 to 5")
	f.StringVar(&opts.precision, "precision", "double", "state-vector precision: double (complex128) or single (complex64, half the memory, ~1e-5 agreement)")
	f.StringVar(&opts.backend, "backend", "statevector", "simulator: statevector, mps, auto (the one predicted faster); density or trajectories for noise (chosen by size under --noise)")
	f.IntVar(&opts.maxBond, "max-bond", 0, "MPS: largest bond dimension χ kept by any split (≥ 1; default no limit)")
	f.Float64Var(&opts.cutoff, "cutoff", 0, "MPS: relative weight one split may discard below χ (default 1e-24)")
	f.StringVar(&opts.maxMemory, "max-memory", "", "memory cap, e.g. 8GiB or 512MiB; a circuit that may need more is refused (default 3/4 of RAM)")
	f.Float64Var(&opts.warnFidelity, "warn-fidelity", 0.99, "MPS: add a note when the fidelity estimate falls below this")
	f.StringVar(&opts.noise, "noise", "", "noise model file (YAML or JSON): channels after gates, readout errors")
	f.IntVar(&opts.trajectories, "trajectories", 10000, "noisy expectation values on trajectories: how many to average")
	f.StringVar(&opts.weights, "weights", "", "values of the weights θ[0], θ[1], … (OpenQASM 3: the inputs other than x, in declaration order), comma-separated")
	f.StringVar(&opts.inputs, "inputs", "", "values of the data inputs x[0], x[1], …, comma-separated")
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
	Backend       string         `json:"backend"`
	Noise         string         `json:"noise,omitempty"`
	MPS           *mpsReport     `json:"mps,omitempty"`
	Notes         []string       `json:"notes,omitempty"`
}

// mpsReport is the "mps" key: what the matrix product state discarded.
type mpsReport struct {
	MaxBond          int     `json:"max_bond"`
	DiscardedWeight  float64 `json:"discarded_weight"`
	FidelityEstimate float64 `json:"fidelity_estimate"`
}

type expectation struct {
	Observable string  `json:"observable"`
	Value      float64 `json:"value"`
	// StdErr is the standard error of a trajectory estimate.
	StdErr *float64 `json:"stderr,omitempty"`
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
	mopts, err := opts.mpsOptions()
	if err != nil {
		return &exitError{2, err}
	}
	if mopts.MaxMemory > 0 {
		prev := statevector.SetMaxMemory(mopts.MaxMemory)
		defer statevector.SetMaxMemory(prev)
	}
	statevector.SetThreads(opts.threads)
	fusion, err := statevector.ParseFusion(opts.fusion)
	if err != nil {
		return &exitError{2, fmt.Errorf("--fusion: %w", err)}
	}
	precision, err := statevector.ParsePrecision(opts.precision)
	if err != nil {
		return &exitError{2, fmt.Errorf("--precision: %w", err)}
	}
	svOpts := statevector.Options{Fusion: fusion, Precision: precision}
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
	b, notes, err := opts.binding(c)
	if err != nil {
		return &exitError{2, err}
	}
	_, measures, _ := c.Split()
	measuring := len(measures) > 0 || hasMeasure(c)
	shots := opts.shots
	if !opts.shotsSet && !measuring {
		shots = 0
	}
	rep := runReport{File: opts.file, Qubits: c.NumQubits, Clbits: c.NumClbits, Gates: c.NumGates(), Shots: shots, Notes: notes}
	var rng *rand.Rand
	if shots > 0 {
		rng = rand.New(rand.NewPCG(opts.seed, 0))
		rep.Seed = &opts.seed
	}
	rep.Backend = opts.backend
	if opts.noise != "" || opts.backend == "density" || opts.backend == "trajectories" {
		if err := runNoisy(opts, c, b, obs, shots, &rep); err != nil {
			return err
		}
		return writeRunReport(s, opts, &rep)
	}
	if opts.backend == "auto" {
		var why string
		rep.Backend, why = pickBackend(c, mopts)
		rep.Notes = append(rep.Notes, "backend auto: "+why)
	}
	var final finalState
	if rep.Backend == "mps" {
		res, err := mps.Execute(c, b, shots, rng, mopts)
		if err != nil {
			return err
		}
		rep.Dynamic, rep.Counts = res.Dynamic, res.Counts
		rep.MPS = &mpsReport{MaxBond: res.Report.MaxBond, DiscardedWeight: res.Report.DiscardedWeight, FidelityEstimate: res.Report.FidelityEstimate}
		if res.Report.Warning != "" {
			rep.Notes = append(rep.Notes, res.Report.Warning)
		}
		if res.State != nil {
			final = mpsFinal{res.State}
		}
	} else {
		res, err := statevector.ExecuteWith(c, b, shots, rng, svOpts)
		if err != nil {
			return err
		}
		rep.Dynamic, rep.Counts = res.Dynamic, res.Counts
		if res.State != nil {
			final = svFinal{res.State}
		}
	}
	if shots == 0 {
		rep.Counts = nil
	}
	switch {
	case final == nil:
		rep.Notes = append(rep.Notes, "probabilities left out: the circuit measures mid-way, so there is no single final state")
	case c.NumQubits > maxProbabilityQubits:
		rep.Notes = append(rep.Notes, fmt.Sprintf("probabilities left out: %d qubits is more than %d", c.NumQubits, maxProbabilityQubits))
	default:
		if rep.Probabilities, err = final.Probabilities(); err != nil {
			return err
		}
	}
	if len(obs) > 0 {
		if final == nil {
			return fmt.Errorf("%s: observables need a circuit whose measurements are all terminal", opts.file)
		}
		vals, err := final.Expectations(obs)
		if err != nil {
			return err
		}
		for i, v := range vals {
			rep.Expectations = append(rep.Expectations, expectation{Observable: opts.observables[i], Value: v})
		}
	}
	return writeRunReport(s, opts, &rep)
}

// writeRunReport prints the report in the chosen format.
func writeRunReport(s *IO, opts *runOptions, rep *runReport) error {
	if opts.format == "json" {
		enc := json.NewEncoder(s.Out)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	return writeRunText(s.Out, rep)
}

// runNoisy runs c, bound by b, under the noise model of --noise (none when
// it is empty) on the density matrix or as trajectories, filling rep.
func runNoisy(opts *runOptions, c *circuit.Circuit, b circuit.Binding, obs []circuit.Observable, shots int, rep *runReport) error {
	noise := &circuit.NoiseModel{}
	if opts.noise != "" {
		data, err := os.ReadFile(opts.noise)
		if err != nil {
			return err
		}
		if noise, err = spec.ParseNoiseModel(opts.noise, data); err != nil {
			return &exitError{2, err}
		}
		if err := noise.Check(c.NumQubits); err != nil {
			return &exitError{2, fmt.Errorf("%s: %w", opts.noise, err)}
		}
		rep.Noise = opts.noise
	}
	unitary, _, dynamic := c.Split()
	switch opts.backend {
	case "mps":
		return &exitError{2, fmt.Errorf("--backend mps does not run noise; use density or trajectories")}
	case "density":
		if dynamic || c.NumQubits > density.MaxQubits {
			return &exitError{2, fmt.Errorf("--backend density: needs at most %d qubits and only terminal measurements", density.MaxQubits)}
		}
	case "trajectories":
	default:
		rep.Backend = "density"
		if dynamic || c.NumQubits > density.MaxQubits {
			rep.Backend = "trajectories"
		}
		why := fmt.Sprintf("the density matrix, exact (%d qubits ≤ %d, measurements all terminal)", c.NumQubits, density.MaxQubits)
		if rep.Backend == "trajectories" {
			why = fmt.Sprintf("quantum trajectories, one per shot (the density matrix needs ≤ %d qubits and terminal measurements)", density.MaxQubits)
		}
		rep.Notes = append(rep.Notes, "noise runs on "+why)
	}
	rep.Dynamic = dynamic
	if rep.Backend == "density" {
		var rng *rand.Rand
		if shots > 0 {
			rng = rand.New(rand.NewPCG(opts.seed, 0))
		}
		res, err := density.Execute(c, b, noise, shots, rng)
		if err != nil {
			return err
		}
		if shots > 0 {
			rep.Counts = res.Counts
		}
		if c.NumQubits <= maxProbabilityQubits {
			rep.Probabilities = res.Probabilities
		}
		vals, err := res.State.Expectations(obs)
		if err != nil {
			return err
		}
		for i, v := range vals {
			rep.Expectations = append(rep.Expectations, expectation{Observable: opts.observables[i], Value: v})
		}
		return nil
	}
	if shots > 0 {
		res, err := statevector.ExecuteNoisy(c, b, noise, shots, opts.seed)
		if err != nil {
			return err
		}
		rep.Counts = res.Counts
	}
	rep.Notes = append(rep.Notes, "probabilities left out: trajectories sample the noisy state, they do not hold it")
	if len(obs) > 0 {
		if dynamic {
			return fmt.Errorf("%s: observables need a circuit whose measurements are all terminal", opts.file)
		}
		if opts.trajectories < 2 {
			return &exitError{2, fmt.Errorf("--trajectories %d: want at least 2", opts.trajectories)}
		}
		gates := &circuit.Circuit{NumQubits: c.NumQubits, NumClbits: c.NumClbits, Ops: unitary}
		mean, se, err := statevector.NoisyExpectations(gates, b, noise, obs, opts.trajectories, opts.seed)
		if err != nil {
			return err
		}
		for i := range mean {
			rep.Expectations = append(rep.Expectations, expectation{Observable: opts.observables[i], Value: mean[i], StdErr: &se[i]})
		}
		rep.Notes = append(rep.Notes, fmt.Sprintf("expectation values: means of %d trajectories (seed %d) ± standard error", opts.trajectories, opts.seed))
	}
	return nil
}

// binding returns the values of --weights and --inputs for c, refusing a
// malformed list and one too short for the weights and inputs c uses; the
// notes say when a list is longer than c needs (an OpenQASM 3 input that is
// declared but unused, say).
func (opts *runOptions) binding(c *circuit.Circuit) (circuit.Binding, []string, error) {
	w, err := parseAngles("--weights", opts.weights)
	if err != nil {
		return circuit.Binding{}, nil, err
	}
	x, err := parseAngles("--inputs", opts.inputs)
	if err != nil {
		return circuit.Binding{}, nil, err
	}
	var missing, notes []string
	for _, s := range []struct {
		flag, symbol, what string
		need               int
		have               []float64
	}{
		{"--weights", "θ", "the OpenQASM 3 inputs other than x, in declaration order; ", c.NumWeights(), w},
		{"--inputs", "x", "", c.NumInputs(), x},
	} {
		switch {
		case len(s.have) < s.need:
			values := "values"
			if s.need == 1 {
				values = "value"
			}
			missing = append(missing, fmt.Sprintf("%s with %d %s for %s (%s%d given)",
				s.flag, s.need, values, symbolRange(s.symbol, s.need), s.what, len(s.have)))
		case len(s.have) > s.need:
			notes = append(notes, fmt.Sprintf("%s: %d values given, the circuit uses %d; the rest are ignored", s.flag, len(s.have), s.need))
		}
	}
	if len(missing) > 0 {
		return circuit.Binding{}, nil, fmt.Errorf("%s: the circuit has unbound parameters: give %s", opts.file, strings.Join(missing, " and "))
	}
	return circuit.Binding{Weights: w, Inputs: x}, notes, nil
}

// symbolRange names the symbols s[0] … s[n-1].
func symbolRange(s string, n int) string {
	switch n {
	case 1:
		return s + "[0]"
	case 2:
		return fmt.Sprintf("%s[0], %s[1]", s, s)
	}
	return fmt.Sprintf("%s[0]…%s[%d]", s, s, n-1)
}

// parseAngles reads the comma-separated list of flag: numbers or constant
// expressions such as pi/2 (circuit.ParseParam's syntax), finite; "" is
// the empty list.
func parseAngles(flag, list string) ([]float64, error) {
	if strings.TrimSpace(list) == "" {
		return nil, nil
	}
	parts := strings.Split(list, ",")
	vals := make([]float64, len(parts))
	for i, part := range parts {
		p, err := circuit.ParseParam(strings.TrimSpace(part))
		if err != nil || !p.IsConst() || math.IsNaN(p.Const) || math.IsInf(p.Const, 0) {
			return nil, fmt.Errorf("%s: element %d %q: want a finite number or a constant expression such as pi/2", flag, i+1, strings.TrimSpace(part))
		}
		vals[i] = p.Const
	}
	return vals, nil
}

// finalState is what both simulators can read off the state before the
// terminal measurements.
type finalState interface {
	Probabilities() ([]float64, error)
	Expectations([]circuit.Observable) ([]float64, error)
}

// svFinal and mpsFinal adapt the two states: the state vector's
// probabilities cannot fail; the MPS's go through its state vector, which
// can.
type svFinal struct{ *statevector.State }

func (s svFinal) Probabilities() ([]float64, error) { return s.State.Probabilities(), nil }

type mpsFinal struct{ *mps.State }

func (m mpsFinal) Probabilities() ([]float64, error) {
	amp, err := m.StateVector()
	if err != nil {
		return nil, err
	}
	p := make([]float64, len(amp))
	for i, a := range amp {
		p[i] = real(a)*real(a) + imag(a)*imag(a)
	}
	return p, nil
}

// mpsOptions validates the backend flags and returns the MPS options
// (--max-memory included, which runRun also applies to the state vector).
func (opts *runOptions) mpsOptions() (mps.Options, error) {
	switch opts.backend {
	case "statevector", "mps", "auto", "density", "trajectories":
	default:
		return mps.Options{}, fmt.Errorf("--backend %q: want statevector, mps, auto, density or trajectories", opts.backend)
	}
	if opts.maxBondSet && opts.maxBond < 1 {
		return mps.Options{}, fmt.Errorf("--max-bond %d: the bond dimension χ must be at least 1", opts.maxBond)
	}
	if !(opts.cutoff >= 0) || math.IsInf(opts.cutoff, 0) {
		return mps.Options{}, fmt.Errorf("--cutoff %v: want a finite value ≥ 0", opts.cutoff)
	}
	if !(opts.warnFidelity >= 0 && opts.warnFidelity <= 1) {
		return mps.Options{}, fmt.Errorf("--warn-fidelity %v: want a value in [0, 1]", opts.warnFidelity)
	}
	o := mps.Options{MaxBond: opts.maxBond, Cutoff: opts.cutoff, WarnFidelity: opts.warnFidelity}
	if opts.maxMemory != "" {
		b, err := parseBytes(opts.maxMemory)
		if err != nil {
			return mps.Options{}, fmt.Errorf("--max-memory %q: %w", opts.maxMemory, err)
		}
		o.MaxMemory = b
	}
	return o, nil
}

// parseBytes reads a size such as 512MiB, 8GiB, 8G (binary), 2GB (decimal)
// or a plain number of bytes.
func parseBytes(s string) (int64, error) {
	units := []struct {
		suffix string
		scale  float64
	}{
		{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30}, {"TiB", 1 << 40},
		{"KB", 1e3}, {"MB", 1e6}, {"GB", 1e9}, {"TB", 1e12},
		{"K", 1 << 10}, {"M", 1 << 20}, {"G", 1 << 30}, {"T", 1 << 40}, {"B", 1},
	}
	num, scale := strings.TrimSpace(s), 1.0
	for _, u := range units {
		if strings.HasSuffix(num, u.suffix) {
			num, scale = strings.TrimSpace(strings.TrimSuffix(num, u.suffix)), u.scale
			break
		}
	}
	v, err := strconv.ParseFloat(num, 64)
	if err != nil || !(v > 0) || v*scale >= math.MaxInt64 {
		return 0, fmt.Errorf("want a positive size such as 512MiB or 8GiB")
	}
	return int64(v * scale), nil
}

// pickBackend is the rule of --backend auto: whichever simulator fits in
// memory, and of those the one mps.Predict says is faster (its time models
// come from the crossover table measured in mps/long_test.go). It returns
// the choice and a one-line reason.
func pickBackend(c *circuit.Circuit, o mps.Options) (string, string) {
	p, err := mps.Predict(c, o)
	if err != nil {
		return "statevector", "the MPS cost cannot be estimated: " + err.Error()
	}
	n := c.NumQubits
	// runRun has applied --max-memory to the state vector; both default to
	// three quarters of the physical memory.
	capacity := float64(statevector.MaxMemory())
	why := fmt.Sprintf("predicted %.3g s on the state vector, %.3g s on the MPS (bond dimension up to %.4g)", p.StateVector, p.MPS, p.Cost.MaxBond)
	switch {
	case n > statevector.MaxQubits || math.Ldexp(16, n) > capacity:
		return "mps", fmt.Sprintf("%d qubits do not fit a state vector in memory", n)
	case p.Cost.Bytes > capacity:
		return "statevector", why
	case p.MPS < p.StateVector:
		return "mps", why
	}
	return "statevector", why
}

func hasMeasure(c *circuit.Circuit) bool {
	for _, op := range c.Ops {
		if op.Kind == circuit.MeasureOp {
			return true
		}
	}
	return false
}

// maxTextRows bounds the rows of counts and probabilities printed as text.
const maxTextRows = 32

func writeRunText(w io.Writer, rep *runReport) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "%s: %d qubits, %d classical bits, %d gates\n", rep.File, rep.Qubits, rep.Clbits, rep.Gates)
	if rep.Noise != "" {
		fmt.Fprintf(tw, "noise model %s, backend %s\n", rep.Noise, rep.Backend)
	}
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
		if e.StdErr != nil {
			fmt.Fprintf(tw, " ± %.3g", *e.StdErr)
		}
	}
	if len(rep.Expectations) > 0 {
		fmt.Fprintln(tw)
	}
	if m := rep.MPS; m != nil {
		fmt.Fprintf(tw, "\nmps: max bond %d, discarded weight %.3g, fidelity estimate %.6g\n", m.MaxBond, m.DiscardedWeight, m.FidelityEstimate)
	}
	for _, n := range rep.Notes {
		fmt.Fprintf(tw, "\nnote: %s\n", n)
	}
	return tw.Flush()
}
