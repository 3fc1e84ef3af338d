package statevector

import (
	"fmt"
	"strconv"
	"strings"
)

// Precision is the floating-point width of a state's amplitudes.
type Precision uint8

const (
	// Double holds amplitudes as complex128, the default.
	Double Precision = iota
	// Single holds amplitudes as complex64: half the memory and half the
	// bytes moved per gate, so one more qubit fits and memory-bound gates
	// run about twice as fast. Each gate rounds to about 6e-8 relative, so
	// amplitudes and expectation values agree with Double to about 1e-5
	// after thousands of gates; sums over the state (norms, expectations,
	// probabilities) are accumulated in float64.
	Single
)

// String returns "double" or "single".
func (p Precision) String() string {
	if p == Single {
		return "single"
	}
	return "double"
}

// bytes returns the size of one amplitude.
func (p Precision) bytes() int64 {
	if p == Single {
		return 8
	}
	return 16
}

// ParsePrecision reads "double" or "single" (a CLI flag's value).
func ParsePrecision(s string) (Precision, error) {
	switch strings.ToLower(s) {
	case "double", "complex128", "":
		return Double, nil
	case "single", "complex64":
		return Single, nil
	}
	return Double, fmt.Errorf("statevector: precision %q: want single or double", s)
}

// Fusion settings of Options.Fusion besides a qubit count 1…MaxFusion.
const (
	// FusionAuto lets a cost model measured on this package's kernels
	// decide, gate by gate, whether merging into a larger unitary (of at
	// most MaxFusion qubits) is cheaper than applying the gates apart.
	FusionAuto = 0
	// FusionOff applies every gate with its own kernel.
	FusionOff = -1
)

// MaxFusion is the largest number of qubits a fused gate may act on.
const MaxFusion = 5

// ParseFusion reads a CLI flag's value: "off", "auto" or a qubit count
// 1…MaxFusion.
func ParseFusion(s string) (int, error) {
	switch strings.ToLower(s) {
	case "off", "none":
		return FusionOff, nil
	case "auto", "":
		return FusionAuto, nil
	}
	k, err := strconv.Atoi(s)
	if err != nil || k < 1 || k > MaxFusion {
		return 0, fmt.Errorf("statevector: fusion %q: want off, auto or 1 to %d", s, MaxFusion)
	}
	return k, nil
}

// Options select how circuits are simulated. The zero value is the default:
// double precision, automatic fusion, automatic cache blocking, which
// compile circuits on registers larger than one block (16 qubits and up
// in double precision, 17 in single) into programs and run smaller ones
// gate by gate; an explicit Fusion k or BlockQubits compiles at any size.
// The number of goroutines is process-wide (SetThreads).
type Options struct {
	// Fusion merges runs of gates into unitaries on up to Fusion qubits
	// before simulation: FusionAuto (0) by the cost model, FusionOff (−1)
	// not at all, k in 1…MaxFusion greedily up to k qubits whatever the
	// cost (the way qsim's fuser works). Measurements, resets, barriers and
	// classically conditioned gates are never fused across. Fusion changes
	// results only by rounding (well below 1e-12 in double precision).
	Fusion int
	// Precision of the state vector: Double (the zero value) or Single.
	Precision Precision
	// BlockQubits is the size, in qubits, of the cache-sized blocks of
	// the state that runs of gates are applied to one after the other, so
	// that a run costs one pass over memory instead of one per gate: 0
	// chooses it from the precision (512 KiB blocks), a negative value
	// turns blocking off (every gate is one pass over the whole state).
	BlockQubits int
}

// check validates the options.
func (o Options) check() error {
	if o.Fusion < FusionOff || o.Fusion > MaxFusion {
		return fmt.Errorf("statevector: fusion %d: want FusionOff, FusionAuto or 1 to %d", o.Fusion, MaxFusion)
	}
	if o.Precision != Double && o.Precision != Single {
		return fmt.Errorf("statevector: unknown precision %d", o.Precision)
	}
	if o.BlockQubits > MaxQubits {
		return fmt.Errorf("statevector: %d block qubits; want at most %d", o.BlockQubits, MaxQubits)
	}
	return nil
}
