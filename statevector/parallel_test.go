package statevector

import (
	"fmt"
	"math"
	"sync"
	"testing"

	"github.com/qmlgo/qml/circuit"
)

// TestParallelMatchesSerial runs the same circuit, measurement and
// expectation on a state above ParallelThreshold with one and with several
// goroutines; `go test -race` checks that the pieces never overlap.
func TestParallelMatchesSerial(t *testing.T) {
	const n = 15
	c, b := randomCircuit(n, 60, newRNG(12))
	obs := []circuit.Observable{randomObservable(n, 4, newRNG(13))}
	results := make([][]complex128, 2)
	values := make([]float64, 2)
	for k, threads := range []int{1, 5} {
		prev := SetThreads(threads)
		s, _ := New(n)
		if err := s.Run(c, b); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Measure(3, newRNG(14)); err != nil {
			t.Fatal(err)
		}
		v, err := s.Expectations(obs)
		if err != nil {
			t.Fatal(err)
		}
		results[k], values[k] = s.Amplitudes(), v[0]
		SetThreads(prev)
	}
	if d := maxDiff(results[0], results[1]); d > 1e-13 {
		t.Errorf("serial and parallel amplitudes differ by %.3g", d)
	}
	if math.Abs(values[0]-values[1]) > 1e-12 {
		t.Errorf("expectations %v", values)
	}
	if Threads() < 1 {
		t.Errorf("Threads() = %d", Threads())
	}
}

// TestSimulatorConcurrent calls one Simulator from many goroutines on
// circuits of different sizes and compares with a fresh State each.
func TestSimulatorConcurrent(t *testing.T) {
	var sim Simulator
	type job struct {
		c    *circuit.Circuit
		b    circuit.Binding
		obs  []circuit.Observable
		want []float64
	}
	var jobs []job
	for k := range 12 {
		n := []int{3, 6, 15}[k%3]
		rng := newRNG(uint64(100 + k))
		c, b := randomCircuit(n, 3*n, rng)
		obs := []circuit.Observable{randomObservable(n, 3, rng), randomObservable(n, 2, rng)}
		s, _ := New(n)
		if err := s.Run(c, b); err != nil {
			t.Fatal(err)
		}
		want, _ := s.Expectations(obs)
		jobs = append(jobs, job{c, b, obs, want})
	}
	prev := SetThreads(3)
	defer SetThreads(prev)
	var wg sync.WaitGroup
	errs := make(chan error, 4*len(jobs))
	for rep := range 4 {
		for k, j := range jobs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				got, err := sim.Expectations(j.c, j.b, j.obs)
				if err != nil {
					errs <- err
					return
				}
				for i := range got {
					if math.Abs(got[i]-j.want[i]) > 1e-12 {
						errs <- fmt.Errorf("rep %d job %d observable %d: %v, want %v", rep, k, i, got[i], j.want[i])
					}
				}
			}()
		}
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if _, err := sim.Expectations(nil, circuit.Binding{}, nil); err == nil {
		t.Error("nil circuit accepted")
	}
	c := circuit.New(1)
	c.AddCReg("c", 1)
	if _, err := sim.Expectations(c.Measure(0, 0), circuit.Binding{}, nil); err == nil {
		t.Error("circuit with a measurement accepted")
	}
}

// The Backend seam of vqc: Simulator must keep this method set.
var _ interface {
	Expectations(*circuit.Circuit, circuit.Binding, []circuit.Observable) ([]float64, error)
} = (*Simulator)(nil)
