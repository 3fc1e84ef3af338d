package bench

import (
	"fmt"
	"runtime"

	"github.com/qmlgo/qml/circuit"
	"github.com/qmlgo/qml/mps"
	"github.com/qmlgo/qml/statevector"
)

// Engine is one simulator configuration RunSim times.
type Engine struct {
	// Name labels the engine's rows, e.g. "statevector 2t fused".
	Name string
	// Threads is the number of goroutines the engine computes on; the
	// floor it is compared with is measured on as many.
	Threads int
	// MaxQubits skips larger circuits (0: no limit).
	MaxQubits int
	// Dense reports a state vector of 2^n amplitudes, whose passes over
	// memory the bandwidth floor measures; an MPS has no such floor.
	Dense bool
	// Peer marks the reference engine the others are compared with
	// (itsubaki/q).
	Peer bool
	// prepare allocates what a run of c needs.
	prepare func(c *circuit.Circuit) (prepared, error)
}

// prepared is an engine made ready for one circuit.
type prepared struct {
	// run is timed; reset, before each run, is not.
	run, reset func() error
	// fidelity, when set, estimates the last run's fidelity to the exact
	// state (an MPS that truncated its bonds is below 1).
	fidelity func() float64
}

// StateVector is the statevector engine on threads goroutines (0: all of
// runtime.GOMAXPROCS) with automatic gate fusion or none; cache blocking
// is on in both (the package default).
func StateVector(threads int, fusion bool) Engine {
	if threads <= 0 {
		threads = runtime.GOMAXPROCS(0)
	}
	opts := statevector.Options{Fusion: statevector.FusionAuto}
	name := fmt.Sprintf("statevector %dt fused", threads)
	if !fusion {
		opts.Fusion = statevector.FusionOff
		name = fmt.Sprintf("statevector %dt unfused", threads)
	}
	return Engine{Name: name, Threads: threads, Dense: true,
		prepare: func(c *circuit.Circuit) (prepared, error) {
			s, err := statevector.New(c.NumQubits)
			if err != nil {
				return prepared{}, err
			}
			run := func() error {
				prev := statevector.SetThreads(threads)
				defer statevector.SetThreads(prev)
				return s.RunWith(c, circuit.Binding{}, opts)
			}
			return prepared{run: run, reset: func() error { s.Reset(); return nil }}, nil
		}}
}

// MPS is the matrix product state engine at bond dimension chi (0: no
// limit but mps.DefaultCutoff), on one goroutine.
func MPS(chi int) Engine {
	opts := mps.Options{MaxBond: chi}
	return Engine{Name: fmt.Sprintf("mps χ=%d", chi), Threads: 1,
		prepare: func(c *circuit.Circuit) (prepared, error) {
			var s *mps.State
			reset := func() (err error) {
				s, err = mps.New(c.NumQubits, opts)
				return err
			}
			return prepared{
				run:      func() error { return s.Run(c, circuit.Binding{}) },
				reset:    reset,
				fidelity: func() float64 { return s.Report().FidelityEstimate },
			}, reset()
		}}
}

// ItsubakiMaxQubits is the largest register the itsubaki/q engine runs.
const ItsubakiMaxQubits = 22

// Itsubaki is github.com/itsubaki/q v0.0.11, the Go peer: one goroutine,
// gates compiled to its calls before timing (see compileItsubaki), a fresh
// register allocated before each run.
func Itsubaki() Engine {
	return Engine{Name: "itsubaki/q", Threads: 1, MaxQubits: ItsubakiMaxQubits, Dense: true, Peer: true,
		prepare: func(c *circuit.Circuit) (prepared, error) {
			steps, err := compileItsubaki(c)
			if err != nil {
				return prepared{}, err
			}
			var r *itsubakiRegister
			reset := func() error { r = newItsubakiRegister(c.NumQubits); return nil }
			return prepared{run: func() error { r.apply(steps); return nil }, reset: reset}, reset()
		}}
}

// DefaultEngines are the engines `qml bench sim` compares: the state
// vector on one thread and on all, fused and unfused; the MPS at χ; and
// itsubaki/q.
func DefaultEngines(chi int) []Engine {
	all := runtime.GOMAXPROCS(0)
	out := []Engine{StateVector(1, true), StateVector(1, false)}
	if all > 1 {
		out = append(out, StateVector(all, true), StateVector(all, false))
	}
	return append(out, MPS(chi), Itsubaki())
}
