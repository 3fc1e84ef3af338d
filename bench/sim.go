package bench

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"sync"
	"time"

	"github.com/qmlgo/qml/internal/cputime"
	"github.com/qmlgo/qml/vqc"
)

// SimFormat identifies sim.json.
const SimFormat = "qml-bench-sim/1"

// SimOptions control RunSim.
type SimOptions struct {
	// Repeats is the number of timed runs per (circuit, engine) after one
	// untimed warm-up; the median is reported. Fewer than 3 means 3.
	Repeats int
	// OnResult is called after each (circuit, engine) pair, in order.
	OnResult func(SimResult)
}

// SimResult is one engine on one circuit.
type SimResult struct {
	Circuit string `json:"circuit"`
	Qubits  int    `json:"qubits"`
	Gates   int    `json:"gates"`
	Engine  string `json:"engine"`
	Threads int    `json:"threads"`
	// Seconds is the median wall time of the timed runs, Runs all of them.
	Seconds float64   `json:"seconds"`
	Runs    []float64 `json:"runs"`
	// CPUSeconds is the median processor time of the timed runs, all
	// threads together (0 where it is not measured): on a machine shared
	// with other work it moves less than the wall time.
	CPUSeconds float64 `json:"cpu_seconds,omitempty"`
	// NsPerGateAmp is Seconds per gate per amplitude, in nanoseconds, for
	// engines with a dense state (0 for the MPS).
	NsPerGateAmp float64 `json:"ns_per_gate_amplitude"`
	// SpeedupVsPeer is the peer's (itsubaki/q's) Seconds over this
	// engine's on the same circuit: above 1 means faster than the peer; 0
	// when the peer did not run.
	SpeedupVsPeer float64 `json:"speedup_vs_peer,omitempty"`
	// SpeedupVsPeerCPU is the same ratio of processor times: the work
	// saved, whatever the threads and the machine's load.
	SpeedupVsPeerCPU float64 `json:"speedup_vs_peer_cpu,omitempty"`
	// FloorSeconds is the best time of one streaming copy of a complex128
	// state of 2^Qubits amplitudes on Threads goroutines, and
	// FloorRatio is Seconds over Gates such copies: 1 means the engine ran
	// as fast as one pass over memory per gate allows; below 1 means it
	// made fewer passes than gates (fusion and cache blocking do). 0 for
	// engines without a dense state.
	FloorSeconds float64 `json:"floor_seconds,omitempty"`
	FloorRatio   float64 `json:"floor_ratio,omitempty"`
	// Fidelity is the engine's estimate of the fidelity of its final state
	// to the exact one, where it has one: an MPS whose bonds were
	// truncated at χ reports Π(1 − discarded weight) < 1, and its time is
	// then that of an approximation.
	Fidelity float64 `json:"fidelity_estimate,omitempty"`
	// Skipped says why the engine did not run the circuit; Error why it
	// failed.
	Skipped string `json:"skipped,omitempty"`
	Error   string `json:"error,omitempty"`
}

// SimFile is sim.json.
type SimFile struct {
	Format      string      `json:"format"`
	Environment Environment `json:"environment"`
	Repeats     int         `json:"repeats"`
	Results     []SimResult `json:"results"`
}

// Write writes f to path atomically as indented JSON.
func (f *SimFile) Write(path string) error {
	data, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return err
	}
	return vqc.WriteFileAtomic(path, append(data, '\n'))
}

// RunSim times every engine on every circuit, one at a time (so timings
// do not disturb each other), and measures the streaming-copy floor for
// every (size, threads) pair it needs in the same run. It stops early,
// with what it has, when ctx is cancelled.
func RunSim(ctx context.Context, circuits []SimCircuit, engines []Engine, opts SimOptions) ([]SimResult, error) {
	repeats := max(opts.Repeats, 3)
	floors := map[[2]int]float64{}
	var out []SimResult
	for _, sc := range circuits {
		n, gates := sc.Circuit.NumQubits, sc.Circuit.NumGates()
		var rows []SimResult
		for _, e := range engines {
			if err := ctx.Err(); err != nil {
				return out, err
			}
			r := SimResult{Circuit: sc.Name, Qubits: n, Gates: gates, Engine: e.Name, Threads: e.Threads}
			if e.MaxQubits > 0 && n > e.MaxQubits {
				r.Skipped = fmt.Sprintf("more than %d qubits", e.MaxQubits)
			} else if err := timeEngine(e, sc, repeats, &r); err != nil {
				r.Error = err.Error()
			} else if !e.Dense {
				r.NsPerGateAmp = 0 // an MPS holds no 2^n amplitudes
			} else if gates > 0 {
				key := [2]int{n, e.Threads}
				if _, ok := floors[key]; !ok {
					floors[key] = copyFloor(n, e.Threads, repeats)
				}
				r.FloorSeconds = floors[key]
				r.FloorRatio = r.Seconds / (float64(gates) * r.FloorSeconds)
			}
			rows = append(rows, r)
		}
		peerRatios(rows, engines)
		for _, r := range rows {
			if opts.OnResult != nil {
				opts.OnResult(r)
			}
		}
		out = append(out, rows...)
	}
	return out, nil
}

// timeEngine runs e on c once untimed, then repeats times, and fills the
// timing fields of r.
func timeEngine(e Engine, c SimCircuit, repeats int, r *SimResult) error {
	p, err := e.prepare(c.Circuit)
	if err != nil {
		return err
	}
	run, reset := p.run, p.reset
	if err := run(); err != nil { // warm-up: page faults, caches, compiled kernels
		return err
	}
	cpu := make([]float64, 0, repeats)
	for range repeats {
		if err := reset(); err != nil {
			return err
		}
		start, c0 := time.Now(), cputime.Process()
		if err := run(); err != nil {
			return err
		}
		r.Runs = append(r.Runs, time.Since(start).Seconds())
		cpu = append(cpu, (cputime.Process() - c0).Seconds())
	}
	r.Seconds, r.CPUSeconds = median(r.Runs), median(cpu)
	if p.fidelity != nil {
		r.Fidelity = p.fidelity()
	}
	if r.Gates > 0 {
		r.NsPerGateAmp = r.Seconds * 1e9 / float64(r.Gates) / float64(uint64(1)<<r.Qubits)
	}
	return nil
}

// peerRatios fills SpeedupVsPeer from the peer engine's row.
func peerRatios(rows []SimResult, engines []Engine) {
	for i, e := range engines {
		if !e.Peer || rows[i].Seconds == 0 {
			continue
		}
		for j := range rows {
			if rows[j].Seconds > 0 {
				rows[j].SpeedupVsPeer = rows[i].Seconds / rows[j].Seconds
			}
			if rows[j].CPUSeconds > 0 && rows[i].CPUSeconds > 0 {
				rows[j].SpeedupVsPeerCPU = rows[i].CPUSeconds / rows[j].CPUSeconds
			}
		}
	}
}

// copyFloor returns the best time of one streaming copy of a complex128
// state of 2^n amplitudes into another, split over threads goroutines like
// a kernel: one read and one write of every amplitude, the least memory
// traffic a gate that touches every amplitude can cause. The best of
// several copies, not the median, because a floor is what the machine can
// do, and other work on it only ever slows a copy down. The first copy
// (page faults) is not timed.
func copyFloor(n, threads, repeats int) float64 {
	src := make([]complex128, 1<<n)
	dst := make([]complex128, 1<<n)
	for i := range src {
		src[i] = complex(float64(i), 0)
	}
	pass := func() {
		var wg sync.WaitGroup
		for w := range threads {
			lo, hi := w*len(src)/threads, (w+1)*len(src)/threads
			wg.Go(func() { copy(dst[lo:hi], src[lo:hi]) })
		}
		wg.Wait()
	}
	pass()
	best := math.Inf(1)
	for range max(3*repeats, 10) {
		start := time.Now()
		pass()
		best = min(best, time.Since(start).Seconds())
	}
	return best
}

// median returns the median of xs (the mean of the middle two for an even
// count); xs is not modified.
func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	m := len(s) / 2
	if len(s)%2 == 1 {
		return s[m]
	}
	return (s[m-1] + s[m]) / 2
}
