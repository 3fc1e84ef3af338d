package circuit_test

import (
	"reflect"
	"testing"

	"github.com/qmlgo/qml/circuit"
)

// withClbits returns an n-qubit circuit with an n-bit register "c".
func withClbits(n int) *circuit.Circuit {
	c := circuit.New(n)
	c.AddCReg("c", n)
	return c
}

func conditioned(c *circuit.Circuit, gate string, q int) *circuit.Circuit {
	g, _ := circuit.Lookup(gate)
	if err := c.Append(circuit.Op{Kind: circuit.GateOp, Gate: g, Qubits: []int{q}, Cond: &circuit.Condition{Reg: c.CRegs[0], Value: 1}}); err != nil {
		panic(err)
	}
	return c
}

func TestSplit(t *testing.T) {
	for _, tc := range []struct {
		name     string
		c        *circuit.Circuit
		dynamic  bool
		unitary  []string // op names of the unitary part
		measures [][2]int // (qubit, clbit) of each measurement
	}{
		{"no measurements", circuit.New(2).H(0).CX(0, 1), false, []string{"h", "cx"}, nil},
		{"terminal measurements", withClbits(2).H(0).CX(0, 1).Measure(1, 0).Measure(0, 1), false,
			[]string{"h", "cx"}, [][2]int{{1, 0}, {0, 1}}},
		{"later gates on other qubits", withClbits(2).H(0).Measure(0, 0).X(1).RY(1, circuit.Const(1)).Measure(1, 1), false,
			[]string{"h", "x", "ry"}, [][2]int{{0, 0}, {1, 1}}},
		{"barrier after measurement", withClbits(2).H(0).Measure(0, 0).Barrier().Measure(1, 1), false,
			[]string{"h", "barrier"}, [][2]int{{0, 0}, {1, 1}}},
		{"measure all", circuit.New(3).H(0).CX(0, 2).MeasureAll(), false,
			[]string{"h", "cx"}, [][2]int{{0, 0}, {1, 1}, {2, 2}}},
		{"reset at the very start", withClbits(1).Reset(0).H(0).Measure(0, 0), false,
			[]string{"h"}, [][2]int{{0, 0}}},
		{"reset of an untouched qubit", withClbits(2).H(0).Reset(1).Reset(1).CX(0, 1).Measure(1, 0), false,
			[]string{"h", "cx"}, [][2]int{{1, 0}}},
		{"gate after measure on the same qubit", withClbits(1).Measure(0, 0).X(0), true, nil, nil},
		{"two-qubit gate on a measured qubit", withClbits(2).Measure(0, 0).CX(1, 0), true, nil, nil},
		{"explicit unitary on a measured qubit", withClbits(1).H(0).Measure(0, 0).Unitary(refX, 0), true, nil, nil},
		{"measured twice", withClbits(2).H(0).Measure(0, 0).Measure(0, 1), true, nil, nil},
		{"reset after a gate", circuit.New(1).H(0).Reset(0), true, nil, nil},
		{"reset after a measurement", withClbits(1).Measure(0, 0).Reset(0), true, nil, nil},
		{"conditional gate", conditioned(withClbits(2).H(0).Measure(0, 0), "x", 1), true, nil, nil},
		{"conditional gate first", conditioned(withClbits(1), "x", 0).Measure(0, 0), true, nil, nil},
	} {
		if err := tc.c.Err(); err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		unitary, measures, dynamic := tc.c.Split()
		if dynamic != tc.dynamic {
			t.Errorf("%s: dynamic = %v, want %v", tc.name, dynamic, tc.dynamic)
			continue
		}
		var names []string
		for _, op := range unitary {
			names = append(names, op.Name())
		}
		var ms [][2]int
		for _, op := range measures {
			if op.Kind != circuit.MeasureOp {
				t.Errorf("%s: %s among the measurements", tc.name, op.Name())
			}
			ms = append(ms, [2]int{op.Qubits[0], op.Clbit})
		}
		if !reflect.DeepEqual(names, tc.unitary) || !reflect.DeepEqual(ms, tc.measures) {
			t.Errorf("%s: unitary %v, measures %v; want %v, %v", tc.name, names, ms, tc.unitary, tc.measures)
		}
	}
}

// TestConditionHolds reads registers as unsigned integers, bit 0 least
// significant, from the right slice of the classical bits.
func TestConditionHolds(t *testing.T) {
	reg := circuit.Register{Name: "c", Start: 1, Size: 3}
	cl := []byte{1, 1, 0, 1, 0} // register bits 1, 0, 1 → 0b101 = 5
	for _, tc := range []struct {
		value uint64
		want  bool
	}{{5, true}, {4, false}, {1, false}, {0, false}} {
		cond := circuit.Condition{Reg: reg, Value: tc.value}
		if got := cond.Holds(cl); got != tc.want {
			t.Errorf("c == %d: %v, want %v", tc.value, got, tc.want)
		}
	}
	if got := circuit.ClassicalString(cl); got != "01011" {
		t.Errorf("ClassicalString = %q, want 01011 (bit 0 rightmost)", got)
	}
}
