package statevector

import (
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/qmlgo/qml/circuit"
	"github.com/qmlgo/qml/internal/cputime"
)

// The benchmarks in this file run the shared benchmark circuits
// (../../shared/circuits, see its README for the peers' times) and report,
// besides ns/op:
//
//	ns/gate        wall time per gate of the circuit (before fusion), best run
//	floor          ns/gate divided by the time of one streaming read+write
//	               pass over a complex128 state of the same size on the same
//	               threads, measured in the same run (the memory-bandwidth
//	               floor of an unfused gate)
//	s/circuit      the best run's wall time
//	cpu-s/circuit  the processor time of the best run, all threads together
//	floor-cpu      the floor ratio in processor time: the work of a gate
//	               against the work of a pass, which other programs sharing
//	               the machine disturb less than the wall-clock ratio
//
// Reproduce with, for example,
//
//	go test ./statevector/ -run '^$' -bench 'Circuits/layered_n24' -benchtime 3x

// benchCircuitDir holds the shared benchmark circuits, relative to this package.
const benchCircuitDir = "../../shared/circuits"

// loadBenchCircuit reads a shared benchmark circuit, skipping the benchmark
// when the file is absent.
func loadBenchCircuit(b testing.TB, name string) *circuit.Circuit {
	b.Helper()
	path := filepath.Join(benchCircuitDir, name+".qasm")
	f, err := os.Open(path)
	if err != nil {
		b.Skipf("benchmark circuit %s: %v", name, err)
	}
	defer f.Close()
	c, err := circuit.ReadQASM(f, path)
	if err != nil {
		b.Fatal(err)
	}
	return c
}

// countGates returns the number of gate ops of c.
func countGates(c *circuit.Circuit) int {
	n := 0
	for _, op := range c.Ops {
		if op.Kind == circuit.GateOp {
			n++
		}
	}
	return n
}

// memoryFloor returns the best wall time of a few streaming passes over
// a, and the best processor time (all threads): every float64 is read,
// negated and written back, split over Threads() goroutines like a
// kernel. An even number of passes leaves a unchanged.
func memoryFloor(a []float64) (wall, cpu time.Duration) {
	p := Threads()
	best, bestCPU := time.Duration(1<<62), time.Duration(1<<62)
	for range 6 {
		start, c0 := time.Now(), cputime.Process()
		var wg sync.WaitGroup
		for w := range p {
			x := a[w*len(a)/p : (w+1)*len(a)/p]
			wg.Go(func() {
				for i := range x {
					x[i] = -x[i]
				}
			})
		}
		wg.Wait()
		best = min(best, time.Since(start))
		bestCPU = min(bestCPU, cputime.Process()-c0)
	}
	return best, bestCPU
}

// reportPerGate reports the best run's ns/gate and its ratio to the floor.
func reportPerGate(b *testing.B, best time.Duration, gates int, floor time.Duration) {
	perGate := float64(best.Nanoseconds()) / float64(gates)
	b.ReportMetric(perGate, "ns/gate")
	b.ReportMetric(perGate/float64(floor.Nanoseconds()), "floor")
	b.ReportMetric(best.Seconds(), "s/circuit")
}

// benchCircuitNames lists the circuits BenchmarkCircuits runs.
var benchCircuitNames = []string{"layered_n20_d20", "qft_n20", "layered_n24_d20", "qft_n24"}

// benchVariants are the simulation options BenchmarkCircuits compares:
// the default, fusion alone without cache blocking (qsim's approach, k = 2
// to 4), blocking without fusion, one pass per gate, and single precision.
var benchVariants = []struct {
	name string
	opts Options
}{
	{"default", Options{}},
	{"single", Options{Precision: Single}},
	{"nofusion", Options{Fusion: FusionOff}},
	{"noblock", Options{BlockQubits: -1}},
	{"noblock-fusion2", Options{BlockQubits: -1, Fusion: 2}},
	{"noblock-fusion3", Options{BlockQubits: -1, Fusion: 3}},
	{"noblock-fusion4", Options{BlockQubits: -1, Fusion: 4}},
	{"unfused", Options{BlockQubits: -1, Fusion: FusionOff}},
	{"block11", Options{BlockQubits: 11}},
	{"block12", Options{BlockQubits: 12}},
	{"block13", Options{BlockQubits: 13}},
	{"block14", Options{BlockQubits: 14}},
}

// BenchmarkCircuits runs each shared circuit from |0…0⟩ under each
// variant, reporting ns/gate and the floor ratio (of the best iteration,
// since the machine is shared; ns/op is the mean).
func BenchmarkCircuits(b *testing.B) {
	for _, name := range benchCircuitNames {
		b.Run(name, func(b *testing.B) {
			c := loadBenchCircuit(b, name)
			for _, v := range benchVariants {
				b.Run(v.name, func(b *testing.B) {
					s, err := NewPrecision(c.NumQubits, v.opts.Precision)
					if err != nil {
						b.Fatal(err)
					}
					scratch, err := New(c.NumQubits) // memory like a state's
					if err != nil {
						b.Fatal(err)
					}
					floor, floorCPU := memoryFloor(floatView(scratch.amp))
					best, bestCPU := time.Duration(1<<62), time.Duration(1<<62)
					for b.Loop() {
						s.Reset()
						start, cpu := time.Now(), cputime.Process()
						if err := s.RunWith(c, circuit.Binding{}, v.opts); err != nil {
							b.Fatal(err)
						}
						best = min(best, time.Since(start))
						bestCPU = min(bestCPU, cputime.Process()-cpu)
					}
					reportPerGate(b, best, countGates(c), floor)
					b.ReportMetric(bestCPU.Seconds(), "cpu-s/circuit")
					b.ReportMetric(float64(bestCPU)/float64(countGates(c))/float64(floorCPU), "floor-cpu")
				})
			}
		})
	}
}

// BenchmarkVsItsubaki times itsubaki/q and this package on
// layered_n20_d20, both applying the same gates to a fresh register in
// each iteration, and reports how many times faster this package is
// ("x-itsubaki", best run against best run), and the same ratio of
// processor time ("x-itsubaki-cpu": itsubaki runs on one core, this
// package on Threads(), so on an idle machine the wall-clock ratio
// approaches Threads() times it). Only gate application is timed.
func BenchmarkVsItsubaki(b *testing.B) {
	c := loadBenchCircuit(b, "layered_n20_d20")
	s, err := New(c.NumQubits)
	if err != nil {
		b.Fatal(err)
	}
	theirs, ours := time.Duration(1<<62), time.Duration(1<<62)
	theirsCPU, oursCPU := time.Duration(1<<62), time.Duration(1<<62)
	for b.Loop() {
		r := newRef(c.NumQubits)
		start, cpu := time.Now(), cputime.Process()
		for _, op := range c.Ops {
			r.gate(op.Gate.Name, op.Qubits, op.Angles(circuit.Binding{}))
		}
		theirs, theirsCPU = min(theirs, time.Since(start)), min(theirsCPU, cputime.Process()-cpu)
		s.Reset()
		start, cpu = time.Now(), cputime.Process()
		if err := s.Run(c, circuit.Binding{}); err != nil {
			b.Fatal(err)
		}
		ours, oursCPU = min(ours, time.Since(start)), min(oursCPU, cputime.Process()-cpu)
	}
	b.ReportMetric(float64(theirs)/float64(ours), "x-itsubaki")
	b.ReportMetric(float64(theirsCPU)/float64(oursCPU), "x-itsubaki-cpu")
	b.ReportMetric(float64(ours.Nanoseconds())/float64(countGates(c)), "ns/gate")
	b.ReportMetric(float64(theirs.Nanoseconds())/float64(countGates(c))/float64(int(1)<<c.NumQubits), "itsubaki-ns/amp/gate")
}
