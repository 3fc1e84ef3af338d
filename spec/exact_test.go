package spec

import (
	"math"
	"testing"

	"github.com/qmlgo/qml/circuit"
)

func TestGroundEnergy(t *testing.T) {
	tests := []struct {
		name string
		h    string
		n    int
		want float64
		src  string
	}{
		{"Z", "Z0", 1, -1, "eigenvalues ±1"},
		{"X+Z", "X0 + Z0", 1, -math.Sqrt2, "n·σ with |n| = √2"},
		{"Y+Z complex", "Y0 + Z0", 1, -math.Sqrt2, "n·σ with |n| = √2; Y alone is imaginary"},
		{"X+Y+Z", "0.3*X0 - 0.4*Y0 + 1.2*Z0", 1, -1.3, "|n| = √(0.09+0.16+1.44) = 1.3"},
		{"field on idle qubit", "0.5 + Z1", 3, -0.5, "identity shift, qubits 0 and 2 idle"},
		{"Bell stabilisers", "-XX - ZZ", 2, -2, "|Φ+⟩ is a +1 eigenvector of both"},
		{"XY-YX", "XY - YX", 2, -2, "−2i(σ⁺σ⁻ − σ⁻σ⁺) on span{01, 10}: eigenvalues ±2; 0 on 00 and 11"},
		{"Heisenberg triangle", "X0*X1 + Y0*Y1 + Z0*Z1 + X1*X2 + Y1*Y2 + Z1*Z2 + X0*X2 + Y0*Y2 + Z0*Z2", 3, -3,
			"Σσ_i·σ_j = 2S(S+1) − 9/2 with S = 1/2"},
		{"H2", "-1.052373245772859*II + 0.39793742484318045*IZ - 0.39793742484318045*ZI - 0.01128010425623538*ZZ + 0.18093119978423156*XX",
			2, -1.857275030202, "Kandala et al. (2017) / Qiskit, H2 at 0.735 Å, STO-3G"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			h, err := circuit.ParseObservable(tc.h)
			if err != nil {
				t.Fatal(err)
			}
			got, err := GroundEnergy(h, tc.n)
			if err != nil {
				t.Fatal(err)
			}
			if math.Abs(got-tc.want) > 1e-10 {
				t.Errorf("ground energy of %s = %.12f, want %.12f (%s)", tc.h, got, tc.want, tc.src)
			}
		})
	}
}

// TestGroundEnergyTransverseIsing compares a chain with a Y-odd twist (the
// complex path) against the same chain rotated to real form: conjugating
// by S on qubit 0 maps X0 → Y0, which leaves the spectrum unchanged.
func TestGroundEnergyTransverseIsing(t *testing.T) {
	plain, _ := circuit.ParseObservable("Z0*Z1 + Z1*Z2 + Z2*Z3 + 0.7*X0 + 0.7*X1 + 0.7*X2 + 0.7*X3")
	twisted, _ := circuit.ParseObservable("Z0*Z1 + Z1*Z2 + Z2*Z3 + 0.7*Y0 + 0.7*X1 + 0.7*X2 + 0.7*X3")
	a, err := GroundEnergy(plain, 4)
	if err != nil {
		t.Fatal(err)
	}
	b, err := GroundEnergy(twisted, 4)
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(a-b) > 1e-10 {
		t.Errorf("plain %v, twisted %v", a, b)
	}
}

func TestGroundEnergyLimits(t *testing.T) {
	h, _ := circuit.ParseObservable("Z0")
	if _, err := GroundEnergy(h, MaxExactQubits+1); err == nil {
		t.Error("no error beyond the limit")
	}
	y, _ := circuit.ParseObservable("Y0")
	if _, err := GroundEnergy(y, MaxExactQubits); err == nil {
		t.Error("no error for a complex Hamiltonian at the real limit")
	}
	x5, _ := circuit.ParseObservable("X5")
	if _, err := GroundEnergy(x5, 2); err == nil {
		t.Error("no error for a qubit outside the register")
	}
}
