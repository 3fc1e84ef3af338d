package circuit_test

import (
	"math"
	"reflect"
	"testing"

	"github.com/qmlgo/qml/circuit"
)

func w(i int, c float64) circuit.SymbolTerm {
	return circuit.SymbolTerm{Kind: circuit.WeightSymbol, Index: i, Coef: c}
}

func in(j int, c float64) circuit.SymbolTerm {
	return circuit.SymbolTerm{Kind: circuit.InputSymbol, Index: j, Coef: c}
}

// TestParamArithmetic checks constructors, Scale, Add and Offset against
// hand-normalised expressions: symbols merged, zero coefficients dropped,
// weights before inputs, each by index.
func TestParamArithmetic(t *testing.T) {
	for _, tc := range []struct {
		name string
		got  circuit.Param
		want circuit.Param
	}{
		{"zero value", circuit.Param{}, circuit.Param{}},
		{"const", circuit.Const(1.5), circuit.Param{Const: 1.5}},
		{"weight", circuit.Weight(3), circuit.Param{Terms: []circuit.SymbolTerm{w(3, 1)}}},
		{"input", circuit.Input(2), circuit.Param{Terms: []circuit.SymbolTerm{in(2, 1)}}},
		{"scale", circuit.Weight(0).Add(circuit.Input(1)).Offset(1).Scale(-2),
			circuit.Param{Const: -2, Terms: []circuit.SymbolTerm{w(0, -2), in(1, -2)}}},
		{"scale by zero", circuit.Weight(0).Offset(3).Scale(0), circuit.Param{}},
		{"merge", circuit.Weight(1).Add(circuit.Weight(1).Scale(2.5)), circuit.Param{Terms: []circuit.SymbolTerm{w(1, 3.5)}}},
		{"cancel", circuit.Input(4).Offset(1).Add(circuit.Input(4).Scale(-1)), circuit.Param{Const: 1}},
		{"order", circuit.Input(0).Add(circuit.Weight(5)).Add(circuit.Weight(2)).Add(circuit.Input(-1)),
			circuit.Param{Terms: []circuit.SymbolTerm{w(2, 1), w(5, 1), in(-1, 1), in(0, 1)}}},
		{"same index, two kinds", circuit.Input(1).Add(circuit.Weight(1)),
			circuit.Param{Terms: []circuit.SymbolTerm{w(1, 1), in(1, 1)}}},
		{"offset", circuit.Const(1).Offset(-0.25), circuit.Param{Const: 0.75}},
		{"normalises an unsorted literal",
			circuit.Param{Terms: []circuit.SymbolTerm{in(0, 1), w(2, 0), w(1, 1), in(0, 2)}}.Add(circuit.Param{}),
			circuit.Param{Terms: []circuit.SymbolTerm{w(1, 1), in(0, 3)}}},
	} {
		if !reflect.DeepEqual(tc.got, tc.want) {
			t.Errorf("%s: got %#v, want %#v", tc.name, tc.got, tc.want)
		}
	}
}

func TestParamIsConst(t *testing.T) {
	for _, tc := range []struct {
		p    circuit.Param
		want bool
	}{
		{circuit.Const(2), true},
		{circuit.Param{}, true},
		{circuit.Weight(0), false},
		{circuit.Input(0).Offset(1), false},
		{circuit.Weight(0).Scale(0), true},
	} {
		if got := tc.p.IsConst(); got != tc.want {
			t.Errorf("%v.IsConst() = %v", tc.p, got)
		}
	}
}

func TestParamEqual(t *testing.T) {
	for _, tc := range []struct {
		name string
		p, q circuit.Param
		tol  float64
		want bool
	}{
		{"same const", circuit.Const(1), circuit.Const(1), 0, true},
		{"const within tol", circuit.Const(1), circuit.Const(1 + 1e-12), 1e-9, true},
		{"const outside tol", circuit.Const(1), circuit.Const(1.1), 1e-9, false},
		{"coef within tol", circuit.Weight(0).Scale(2), circuit.Weight(0).Scale(2 + 1e-12), 1e-9, true},
		{"coef outside tol", circuit.Weight(0).Scale(2), circuit.Weight(0).Scale(3), 1e-9, false},
		{"kind differs", circuit.Weight(0), circuit.Input(0), 0, false},
		{"index differs", circuit.Weight(0), circuit.Weight(1), 0, false},
		{"extra term", circuit.Weight(0), circuit.Weight(0).Add(circuit.Input(0)), 0, false},
		{"symbol vs const", circuit.Weight(0), circuit.Const(1), 0, false},
		{"unnormalised literal",
			circuit.Param{Terms: []circuit.SymbolTerm{in(0, 1), w(1, 1), in(0, 1), w(2, 0)}},
			circuit.Weight(1).Add(circuit.Input(0).Scale(2)), 0, true},
	} {
		if got := tc.p.Equal(tc.q, tc.tol); got != tc.want {
			t.Errorf("%s: %v.Equal(%v) = %v", tc.name, tc.p, tc.q, got)
		}
		if got := tc.q.Equal(tc.p, tc.tol); got != tc.want {
			t.Errorf("%s: %v.Equal(%v) = %v (reversed)", tc.name, tc.q, tc.p, got)
		}
	}
}

// TestParamMethodsKeepReceiver checks the documented promise that Params are
// values: no method reorders or rewrites its receiver's terms.
func TestParamMethodsKeepReceiver(t *testing.T) {
	orig := []circuit.SymbolTerm{in(0, 1), w(3, 2), w(1, 0), w(3, 1)}
	p := circuit.Param{Const: 1, Terms: append([]circuit.SymbolTerm(nil), orig...)}
	p.Scale(2)
	p.Add(circuit.Weight(0))
	p.Offset(1)
	p.Equal(circuit.Weight(3), 0)
	_ = p.String()
	if !reflect.DeepEqual(p.Terms, orig) {
		t.Errorf("receiver's terms changed: %v, want %v", p.Terms, orig)
	}
}

func TestParamValue(t *testing.T) {
	b := circuit.Binding{Weights: []float64{0.5, -1, 2}, Inputs: []float64{3, 0.25}}
	for _, tc := range []struct {
		p    circuit.Param
		want float64
	}{
		{circuit.Param{}, 0},
		{circuit.Const(-math.Pi), -math.Pi},
		{circuit.Weight(2), 2},
		{circuit.Input(1), 0.25},
		{circuit.Weight(1).Scale(3).Add(circuit.Input(0).Scale(-2)).Offset(0.5), -3 - 6 + 0.5},
		{circuit.Param{Const: 1, Terms: []circuit.SymbolTerm{w(0, 2), w(0, 2), in(1, 4)}}, 1 + 2 + 4*0.25},
	} {
		if got := tc.p.Value(b); got != tc.want {
			t.Errorf("%v.Value = %g, want %g", tc.p, got, tc.want)
		}
	}
}

func TestParamString(t *testing.T) {
	for _, tc := range []struct {
		p    circuit.Param
		want string
	}{
		{circuit.Param{}, "0"},
		{circuit.Const(-1.5), "-1.5"},
		{circuit.Const(1e-20), "1e-20"},
		{circuit.Weight(3), "θ[3]"},
		{circuit.Input(0).Scale(2), "2*x[0]"},
		{circuit.Weight(0).Scale(-1), "-θ[0]"},
		{circuit.Weight(0).Scale(-0.5).Offset(2), "-0.5*θ[0] + 2"},
		{circuit.Input(0).Scale(2).Add(circuit.Weight(3)).Offset(-math.Pi / 2), "θ[3] + 2*x[0] - 1.5707963267948966"},
		{circuit.Weight(0).Add(circuit.Input(1).Scale(-1)), "θ[0] - x[1]"},
	} {
		if got := tc.p.String(); got != tc.want {
			t.Errorf("String() = %q, want %q", got, tc.want)
		}
	}
}
