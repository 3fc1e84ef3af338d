package mps_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"testing"

	"github.com/qmlgo/qml/circuit"
	"github.com/qmlgo/qml/internal/cputime"
	"github.com/qmlgo/qml/mps"
	"github.com/qmlgo/qml/vqc"
	"github.com/qmlgo/qml/vqc/backendtest"
)

// brickworkFile is the shared 100-qubit, depth-20 Haar brickwork circuit.
const brickworkFile = "../../shared/circuits/brickwork_haar_n100_d20.qasm"

func readBrickwork(tb testing.TB) *circuit.Circuit {
	tb.Helper()
	f, err := os.Open(brickworkFile)
	if err != nil {
		tb.Skipf("shared circuit not available: %v", err)
	}
	defer f.Close()
	c, err := circuit.ReadQASM(f, brickworkFile)
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

// BenchmarkBrickwork runs the shared brickwork_haar_n100_d20 circuit at
// χ = 64 and 128 with cutoff 1e-12, the settings of the numpy/LAPACK
// reference (1.99 s and 8.75 s on one thread, fidelity estimates 0.46 and
// 0.92). The fidelity estimate is reported as a metric.
func BenchmarkBrickwork(b *testing.B) {
	c := readBrickwork(b)
	for _, chi := range []int{64, 128} {
		b.Run(fmt.Sprintf("chi=%d", chi), func(b *testing.B) {
			var rep mps.Report
			cpu0 := cputime.Process()
			for b.Loop() {
				s, err := mps.New(c.NumQubits, mps.Options{MaxBond: chi, Cutoff: 1e-12})
				if err != nil {
					b.Fatal(err)
				}
				if err := s.Run(c, circuit.Binding{}); err != nil {
					b.Fatal(err)
				}
				rep = s.Report()
			}
			b.ReportMetric((cputime.Process()-cpu0).Seconds()/float64(b.N), "cpu-s/op")
			b.ReportMetric(rep.FidelityEstimate, "fidelity")
			b.ReportMetric(float64(rep.MaxBond), "max-bond")
		})
	}
}

// BenchmarkGHZ1000 prepares GHZ on 1000 qubits at χ = 2 (exact) and reads
// ⟨Z0·Z999⟩.
func BenchmarkGHZ1000(b *testing.B) {
	c := ghz(1000)
	obs := []circuit.Observable{circuit.Sum(circuit.Term(1, circuit.Z(0), circuit.Z(999)))}
	for b.Loop() {
		s, err := mps.New(1000, mps.Options{MaxBond: 2})
		if err != nil {
			b.Fatal(err)
		}
		if err := s.Run(c, circuit.Binding{}); err != nil {
			b.Fatal(err)
		}
		e, err := s.Expectations(obs)
		if err != nil || e[0] < 1-1e-12 || s.Report().FidelityEstimate != 1 {
			b.Fatalf("⟨Z0 Z999⟩ = %v, %v", e, err)
		}
	}
}

// BenchmarkHardwareEfficient64 evaluates and differentiates (parameter
// shift, through vqc) a 64-qubit 1-D hardware-efficient ansatz with 2 and 4
// layers on the MPS backend; the gradient costs 2 evaluations per weight
// (256 and 512 weights).
func BenchmarkHardwareEfficient64(b *testing.B) {
	for _, layers := range []int{2, 4} {
		b.Run(fmt.Sprintf("layers=%d", layers), func(b *testing.B) {
			c := hardwareEfficient(b, 64, layers)
			bind := backendtest.RandomBinding(rand.New(rand.NewPCG(1, 2)), c)
			obs := []circuit.Observable{circuit.Sum(circuit.Term(1, circuit.Z(0)), circuit.Term(0.5, circuit.Z(31), circuit.Z(32)))}
			one := func([]float64) ([]float64, error) { return []float64{1}, nil }
			for b.Loop() {
				if _, _, _, err := vqc.ExpectationGradient(&mps.Simulator{}, vqc.ParameterShift, c, bind, obs, one); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(c.NumWeights()), "weights")
		})
	}
}

// BenchmarkTwoQubitGate times one two-qubit gate (a Haar pair and a cz)
// across a middle bond already at χ, split back to χ, plus the one-site
// centre move between gates: the χ³ kernel of every MPS simulation.
func BenchmarkTwoQubitGate(b *testing.B) {
	for _, chi := range []int{16, 32, 64, 128, 256} {
		b.Run(fmt.Sprintf("chi=%d", chi), func(b *testing.B) {
			s, gates := saturatedState(b, chi)
			i := 0
			cpu0 := cputime.Process()
			for b.Loop() {
				if err := s.Run(gates[i%len(gates)], circuit.Binding{}); err != nil {
					b.Fatal(err)
				}
				i++
			}
			b.ReportMetric((cputime.Process()-cpu0).Seconds()*1e3/float64(b.N), "cpu-ms/op")
		})
	}
}

// BenchmarkBrickworkExact runs brickwork circuits at exact χ (no bond
// limit, default cutoff) on 16 and 20 qubits, cells of the crossover table
// that mps.Predict's constants are fitted to (see predict.go): the MPS side
// of the state-vector/MPS choice, where every split keeps almost all
// singular values.
func BenchmarkBrickworkExact(b *testing.B) {
	for _, sh := range [][2]int{{16, 20}, {20, 12}} {
		n, depth := sh[0], sh[1]
		c := brickwork(rand.New(rand.NewPCG(uint64(n), 20)), n, depth)
		b.Run(fmt.Sprintf("n=%d/depth=%d", n, depth), func(b *testing.B) {
			var rep mps.Report
			cpu0 := cputime.Process()
			for b.Loop() {
				s, err := mps.New(n, mps.Options{})
				if err != nil {
					b.Fatal(err)
				}
				if err := s.Run(c, circuit.Binding{}); err != nil {
					b.Fatal(err)
				}
				rep = s.Report()
			}
			b.ReportMetric((cputime.Process()-cpu0).Seconds()/float64(b.N), "cpu-s/op")
			b.ReportMetric(float64(rep.MaxBond), "max-bond")
		})
	}
}

// saturatedState returns a 24-qubit MPS whose middle bonds are at χ, and a
// cycle of one-gate circuits on the middle bonds (alternating between two
// neighbouring bonds, as a brickwork does) that keep them there.
func saturatedState(tb testing.TB, chi int) (*mps.State, []*circuit.Circuit) {
	tb.Helper()
	const n = 24
	rng := rand.New(rand.NewPCG(uint64(chi), 1))
	s, err := mps.New(n, mps.Options{MaxBond: chi, Cutoff: 1e-12})
	if err != nil {
		tb.Fatal(err)
	}
	if err := s.Run(brickwork(rng, n, 24), circuit.Binding{}); err != nil {
		tb.Fatal(err)
	}
	if d := s.BondDims(); d[n/2-1] != chi || d[n/2] != chi || d[n/2+1] != chi {
		tb.Fatalf("middle bonds %v not at χ = %d", d[n/2-1:n/2+2], chi)
	}
	var gates []*circuit.Circuit
	for k := range 16 {
		q := n/2 - 1 + k%2
		gates = append(gates, circuit.New(n).Unitary(haar2(rng), q).Unitary(haar2(rng), q+1).CZ(q, q+1))
	}
	return s, gates
}
