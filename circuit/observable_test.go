package circuit_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/qmlgo/qml/circuit"
)

// Shorthands for expected observables in the tables.
var (
	x, y, z = circuit.X, circuit.Y, circuit.Z
	term    = circuit.Term
	sum     = circuit.Sum
)

func TestParseObservable(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want circuit.Observable
	}{
		{"Z0", sum(term(1, z(0)))},
		{"0.5*Z0*Z1 - 1.2*X2 + 0.3", sum(term(0.5, z(0), z(1)), term(-1.2, x(2)), term(0.3))},
		{"Z0 Z1", sum(term(1, z(0), z(1)))},
		{"0.5 Z0 * Z1", sum(term(0.5, z(0), z(1)))},
		{"Z1*Z0", sum(term(1, z(0), z(1)))},
		{"X12", sum(term(1, x(12)))},
		{"Z007", sum(term(1, z(7)))},
		// Qiskit labels are read right to left: the last letter is qubit 0.
		{"IZ", sum(term(1, z(0)))},
		{"ZI", sum(term(1, z(1)))},
		{"XYZ", sum(term(1, z(0), y(1), x(2)))},
		{"II", sum(term(1))},
		{"2*XX - YY", sum(term(2, x(0), x(1)), term(-1, y(0), y(1)))},
		{"ZI * X0", sum(term(1, x(0), z(1)))},
		// H₂ in the STO-3G basis after parity reduction (Kandala et al. 2017).
		{"-1.052373245772859*II + 0.39793742484318045*IZ + 0.18093119978423156*XX",
			sum(term(-1.052373245772859), term(0.39793742484318045, z(0)), term(0.18093119978423156, x(0), x(1)))},
		{"I0", sum(term(1))},
		{"I3*Y1", sum(term(1, y(1)))},
		{"3", sum(term(3))},
		{"-2", sum(term(-2))},
		{"+Z0", sum(term(1, z(0)))},
		{"-Z0 - Z1", sum(term(-1, z(0)), term(-1, z(1)))},
		{"  \tZ0 +\t1  ", sum(term(1, z(0)), term(1))},
		{"2*Z0*3", sum(term(6, z(0)))},
		{"1e-3*X0 + 2.5E+2 Y1 - 4e2", sum(term(1e-3, x(0)), term(250, y(1)), term(-400))},
		{".5*Z0 + 5.*Z1", sum(term(0.5, z(0)), term(5, z(1)))},
		{"Z0 + Z0", sum(term(1, z(0)), term(1, z(0)))},
		{"0*X0", sum(term(0, x(0)))},
	} {
		got, err := circuit.ParseObservable(tc.in)
		if err != nil {
			t.Errorf("ParseObservable(%q): %v", tc.in, err)
			continue
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("ParseObservable(%q) = %#v, want %#v", tc.in, got, tc.want)
		}
	}
}

func TestParseObservableErrors(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string // substring: the column and what was wrong
	}{
		{"", "column 1: empty observable"},
		{"   ", "column 4: empty observable"},
		{"Z0*Z0", "column 4: qubit 0 appears twice"},
		{"ZZ*Z1", "column 4: qubit 1 appears twice"},
		{"Z0 X0", "column 4: qubit 0 appears twice"},
		{"Q1", "column 1: expected a number or a Pauli factor (I, X, Y, Z), found 'Q'"},
		{"z0", "column 1: expected a number or a Pauli factor"},
		{"0.5*", "column 5: expected a factor after '*'"},
		{"X-", "column 3: expected a number or a Pauli factor"},
		{"Z0 +", "column 5: expected a number or a Pauli factor"},
		{"*Z0", "column 1: expected a number or a Pauli factor"},
		{"Z0 ** Z1", "column 5: expected a number or a Pauli factor"},
		{"Z0)", "column 3: expected a number or a Pauli factor (I, X, Y, Z), found ')'"},
		{"XZ1", "column 1: indexed factor needs one letter, got \"XZ\""},
		{"Z99999999", "column 2: bad qubit index \"99999999\""},
		{"1e5e5*Z0", "column 1: bad number \"1e5e5\""},
		{"1e400", "column 1: bad number"},
		{"1e300*1e300*Z0", "column 7: coefficient overflows"},
		{"2*Z0 - - - Z1", "column 8: expected a number or a Pauli factor"},
	} {
		_, err := circuit.ParseObservable(tc.in)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("ParseObservable(%q) error = %v, want one containing %q", tc.in, err, tc.want)
		}
	}
}

func TestObservableString(t *testing.T) {
	for _, tc := range []struct {
		o    circuit.Observable
		want string
	}{
		{sum(), "0"},
		{sum(term(1)), "1"},
		{sum(term(-1, z(0))), "-Z0"},
		{sum(term(0.5, z(0), z(1)), term(-1.2, x(2)), term(0.3)), "0.5*Z0*Z1 - 1.2*X2 + 0.3"},
		{sum(term(1, x(3), y(1)), term(1, z(0)), term(-2)), "Y1*X3 + Z0 - 2"},
		{sum(term(1e-20, z(2))), "1e-20*Z2"},
	} {
		if got := tc.o.String(); got != tc.want {
			t.Errorf("String() = %q, want %q", got, tc.want)
		}
		if len(tc.o.Terms) == 0 {
			continue
		}
		back, err := circuit.ParseObservable(tc.want)
		if err != nil || !reflect.DeepEqual(back, tc.o) {
			t.Errorf("ParseObservable(%q) = %v, %v; want %#v", tc.want, back, err, tc.o)
		}
	}
}

func TestObservableValidate(t *testing.T) {
	for _, tc := range []struct {
		name string
		o    circuit.Observable
		n    int
		want string
	}{
		{"ok", sum(term(1, z(0), x(2)), term(3)), 3, ""},
		{"constant on no qubits", sum(term(3)), 0, ""},
		{"empty", sum(), 0, ""},
		{"out of range", sum(term(1, z(0)), term(1, x(3))), 3, "term 1: qubit 3 out of range [0, 3)"},
		{"negative qubit", sum(term(1, z(-1))), 3, "qubit -1 out of range"},
		{"repeated qubit", sum(term(1, z(1), x(1))), 3, "qubit 1 appears twice"},
		{"not a Pauli", sum(term(1, circuit.PauliOp{Qubit: 0, P: 'Q'})), 1, "'Q' is not a Pauli"},
		{"unsorted literal", circuit.Observable{Terms: []circuit.PauliTerm{{Coef: 1, Ops: []circuit.PauliOp{z(1), z(0)}}}}, 2, "factors unsorted"},
	} {
		err := tc.o.Validate(tc.n)
		if (tc.want == "") != (err == nil) || (err != nil && !strings.Contains(err.Error(), tc.want)) {
			t.Errorf("%s: Validate = %v, want %q", tc.name, err, tc.want)
		}
	}
}

func TestTermAndSumCopy(t *testing.T) {
	ops := []circuit.PauliOp{x(4), z(1)}
	tm := term(2, ops...)
	if want := []circuit.PauliOp{z(1), x(4)}; !reflect.DeepEqual(tm.Ops, want) {
		t.Errorf("Term ops = %v, want sorted %v", tm.Ops, want)
	}
	if ops[0] != x(4) {
		t.Error("Term sorted its argument slice")
	}
	terms := []circuit.PauliTerm{tm, term(1)}
	o := sum(terms...)
	terms[0].Coef = 9
	if o.Terms[0].Coef != 2 {
		t.Error("Sum shares its argument slice")
	}
	if n := o.NumQubits(); n != 5 {
		t.Errorf("NumQubits = %d, want 5", n)
	}
	if n := sum(term(1)).NumQubits(); n != 0 {
		t.Errorf("NumQubits of a constant = %d, want 0", n)
	}
	if p := y(3); p != (circuit.PauliOp{Qubit: 3, P: 'Y'}) {
		t.Errorf("Y(3) = %v", p)
	}
}

func BenchmarkParseObservable(b *testing.B) {
	const s = "-1.052373245772859*II + 0.39793742484318045*IZ - 0.39793742484318045*ZI - 0.01128010425623538*ZZ + 0.18093119978423156*XX"
	for b.Loop() {
		if _, err := circuit.ParseObservable(s); err != nil {
			b.Fatal(err)
		}
	}
}
