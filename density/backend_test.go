package density_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/qmlgo/qml/circuit"
	"github.com/qmlgo/qml/density"
	"github.com/qmlgo/qml/vqc"
	"github.com/qmlgo/qml/vqc/backendtest"
)

var _ vqc.Backend = (*density.Backend)(nil)

// TestConformance runs the vqc backend suite noise free: every named gate,
// symbolic weights and inputs, against the suite's dense reference.
func TestConformance(t *testing.T) {
	backendtest.Run(t, &density.Backend{}, backendtest.Options{MaxQubits: 5, Circuits: 60})
}

// TestParameterShiftUnderNoise: vqc's parameter-shift gradient on the noisy
// backend equals central finite differences of the same noisy expectation.
func TestParameterShiftUnderNoise(t *testing.T) {
	dep, err := circuit.Depolarizing2(0.05)
	if err != nil {
		t.Fatal(err)
	}
	relax, err := circuit.ThermalRelaxation(40, 30, 2, 0)
	if err != nil {
		t.Fatal(err)
	}
	noise := &circuit.NoiseModel{Channels: []circuit.NoiseRule{{Gates: []string{"cx", "crz"}, Channel: dep}, {Channel: relax}}}
	be := &density.Backend{Noise: noise}
	c := circuit.New(3).
		Gate("ry", []int{0}, circuit.Weight(0)).Gate("rx", []int{1}, circuit.Weight(1).Scale(2)).
		Gate("cx", []int{0, 1}).Gate("crz", []int{1, 2}, circuit.Weight(2)).
		Gate("u3", []int{2}, circuit.Weight(0), circuit.Input(0), circuit.Weight(1)).
		Gate("rzz", []int{0, 2}, circuit.Weight(2).Offset(0.3))
	b := circuit.Binding{Weights: []float64{0.4, -1.1, 0.8}, Inputs: []float64{0.6}}
	obs := []circuit.Observable{circuit.Sum(circuit.Term(1, circuit.Z(0), circuit.Z(2)), circuit.Term(0.5, circuit.X(1)))}
	one := func([]float64) ([]float64, error) { return []float64{1}, nil }
	_, gw, gx, err := vqc.ExpectationGradient(be, vqc.ParameterShift, c, b, obs, one)
	if err != nil {
		t.Fatal(err)
	}
	f := func(b circuit.Binding) float64 {
		v, err := be.Expectations(c, b, obs)
		if err != nil {
			t.Fatal(err)
		}
		return v[0]
	}
	const h = 1e-5
	for i := range b.Weights {
		bp := circuit.Binding{Weights: append([]float64(nil), b.Weights...), Inputs: b.Inputs}
		bm := circuit.Binding{Weights: append([]float64(nil), b.Weights...), Inputs: b.Inputs}
		bp.Weights[i] += h
		bm.Weights[i] -= h
		if fd := (f(bp) - f(bm)) / (2 * h); math.Abs(fd-gw[i]) > 1e-8 {
			t.Errorf("∂/∂θ%d: shift %.12g, finite difference %.12g", i, gw[i], fd)
		}
	}
	bp := circuit.Binding{Weights: b.Weights, Inputs: []float64{b.Inputs[0] + h}}
	bm := circuit.Binding{Weights: b.Weights, Inputs: []float64{b.Inputs[0] - h}}
	if fd := (f(bp) - f(bm)) / (2 * h); math.Abs(fd-gx[0]) > 1e-8 {
		t.Errorf("∂/∂x0: shift %.12g, finite difference %.12g", gx[0], fd)
	}
}

// TestExecuteReadout: a Bell pair read with assignment errors. With
// P(1|0) = a on both qubits and P(0|1) = b, P(read 00) =
// ½[(1−a)² + b²] and P(read 01) = ½[a(1−a) + b(1−b)].
func TestExecuteReadout(t *testing.T) {
	a, b := 0.02, 0.07
	noise := &circuit.NoiseModel{Readout: []circuit.ReadoutRule{{ReadoutError: circuit.ReadoutError{P1Given0: a, P0Given1: b}}}}
	c := circuit.New(2).Gate("h", []int{0}).Gate("cx", []int{0, 1}).MeasureAll()
	res, err := density.Execute(c, circuit.Binding{}, noise, 20000, rand.New(rand.NewPCG(5, 5)))
	if err != nil {
		t.Fatal(err)
	}
	p00 := 0.5 * ((1-a)*(1-a) + b*b)
	p01 := 0.5 * (a*(1-a) + b*(1-b))
	p11 := 0.5 * (a*a + (1-b)*(1-b))
	for i, want := range []float64{p00, p01, p01, p11} {
		if math.Abs(res.Probabilities[i]-want) > 1e-15 {
			t.Errorf("P(%02b) = %v, want %v", i, res.Probabilities[i], want)
		}
	}
	// Counts within 4σ of the multinomial.
	for key, want := range map[string]float64{"00": p00, "01": p01, "10": p01, "11": p11} {
		got := float64(res.Counts[key]) / 20000
		if sigma := math.Sqrt(want * (1 - want) / 20000); math.Abs(got-want) > 4*sigma {
			t.Errorf("count %s: %v, want %v ± %v", key, got, want, sigma)
		}
	}
	mid := circuit.New(1).Gate("h", []int{0})
	mid.AddCReg("c", 1)
	mid.Measure(0, 0).Gate("x", []int{0})
	if _, err := density.Execute(mid, circuit.Binding{}, nil, 10, rand.New(rand.NewPCG(1, 1))); err == nil {
		t.Error("mid-circuit measurement accepted")
	}
}

func TestErrors(t *testing.T) {
	if _, err := density.New(density.MaxQubits + 1); err == nil {
		t.Error("14 qubits accepted")
	}
	s, _ := density.New(2)
	ch, _ := circuit.Depolarizing2(0.1)
	if s.ApplyChannel(ch, 0) == nil || s.ApplyChannel(ch, 0, 0) == nil || s.ApplyChannel(ch, 0, 2) == nil {
		t.Error("bad channel qubits accepted")
	}
	bad := &circuit.NoiseModel{Channels: []circuit.NoiseRule{{Qubits: []int{5}, Channel: ch}}}
	if s.Run(circuit.New(2).Gate("cx", []int{0, 1}), circuit.Binding{}, bad) == nil {
		t.Error("noise on qubit 5 of 2 accepted")
	}
	if _, err := (&density.Backend{}).Expectations(circuit.New(1).Gate("rx", []int{0}, circuit.Weight(0)), circuit.Binding{}, nil); err == nil {
		t.Error("unbound weight accepted")
	}
}
