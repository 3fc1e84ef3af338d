package circuit

import (
	"math"
	"math/cmplx"
	"testing"
)

// applyKraus returns Σ K ρ K† for a d×d row-major ρ, written out directly
// so the tests do not go through the code they check.
func applyKraus(ch *Channel, rho []complex128) []complex128 {
	d := 1 << ch.Qubits
	out := make([]complex128, d*d)
	for _, k := range ch.Kraus {
		for r := 0; r < d; r++ {
			for c := 0; c < d; c++ {
				var v complex128
				for a := 0; a < d; a++ {
					for b := 0; b < d; b++ {
						v += k[r*d+a] * rho[a*d+b] * cmplx.Conj(k[c*d+b])
					}
				}
				out[r*d+c] += v
			}
		}
	}
	return out
}

func allChannels(t *testing.T) []*Channel {
	t.Helper()
	var out []*Channel
	for _, s := range []ChannelSpec{
		{Type: "depolarizing", P: 0}, {Type: "depolarizing", P: 0.1}, {Type: "depolarizing", P: 1},
		{Type: "depolarizing2", P: 0.01}, {Type: "depolarizing2", P: 1},
		{Type: "bit_flip", P: 0.3}, {Type: "phase_flip", P: 0.2}, {Type: "bit_phase_flip", P: 0.7},
		{Type: "pauli", Pauli: map[string]float64{"X": 0.1, "Y": 0.05, "Z": 0.2}},
		{Type: "pauli", Pauli: map[string]float64{"XZ": 0.1, "IY": 0.05, "ZZ": 0.2, "II": 0.65}},
		{Type: "amplitude_damping", Gamma: 0.3}, {Type: "amplitude_damping", Gamma: 1},
		{Type: "phase_damping", Gamma: 0.4},
		{Type: "thermal_relaxation", T1: 50, T2: 70, Time: 10},
		{Type: "thermal_relaxation", T1: 50, T2: 100, Time: 10, Excited: 0.1},
		{Type: "thermal_relaxation", T1: 50, T2: 20, Time: 1e4},
	} {
		ch, err := NewChannel(s)
		if err != nil {
			t.Fatalf("%+v: %v", s, err)
		}
		out = append(out, ch)
	}
	return out
}

func TestChannelsCPTP(t *testing.T) {
	for _, ch := range allChannels(t) {
		d := 1 << ch.Qubits
		// Σ K†K = I, summed here independently of CheckCPTP.
		for r := 0; r < d; r++ {
			for c := 0; c < d; c++ {
				var v complex128
				for _, k := range ch.Kraus {
					for a := 0; a < d; a++ {
						v += cmplx.Conj(k[a*d+r]) * k[a*d+c]
					}
				}
				want := complex(0, 0)
				if r == c {
					want = 1
				}
				if cmplx.Abs(v-want) > 1e-12 {
					t.Errorf("%+v: (Σ K†K)[%d,%d] = %v", ch.Spec, r, c, v)
				}
			}
		}
		if err := ch.CheckCPTP(); err != nil {
			t.Errorf("%+v: %v", ch.Spec, err)
		}
	}
}

func TestCheckCPTPRefuses(t *testing.T) {
	notTP := &Channel{Spec: ChannelSpec{Type: "bad"}, Qubits: 1, Kraus: [][]complex128{{1, 0, 0, 0.9}}}
	if notTP.CheckCPTP() == nil {
		t.Error("a channel losing trace passed")
	}
	// An indefinite Hermitian matrix (eigenvalues 3 and −1) is not positive.
	if positiveDefinite([]complex128{1, 2, 2, 1}, 1e-12) {
		t.Error("indefinite matrix reported positive definite")
	}
	if !positiveDefinite([]complex128{1, 1i, -1i, 1}, 1e-12) { // eigenvalues 0 and 2
		t.Error("positive semidefinite matrix refused")
	}
}

func TestChannelArguments(t *testing.T) {
	for _, s := range []ChannelSpec{
		{Type: "depolarizing", P: -0.1}, {Type: "depolarizing", P: 1.5}, {Type: "bit_flip", P: math.NaN()},
		{Type: "pauli", Pauli: map[string]float64{"X": 0.6, "Z": 0.6}},
		{Type: "pauli", Pauli: map[string]float64{"X": 0.1, "ZZ": 0.1}},
		{Type: "pauli", Pauli: map[string]float64{"Q": 0.1}}, {Type: "pauli"},
		{Type: "pauli", Pauli: map[string]float64{"I": 0.5, "X": 0.1}},
		{Type: "amplitude_damping", Gamma: 2}, {Type: "thermal_relaxation", T1: 10, T2: 30, Time: 1},
		{Type: "thermal_relaxation", T1: 0, T2: 1, Time: 1}, {Type: "thermal_relaxation", T1: 1, T2: 1, Time: -1},
		{Type: "nope"},
	} {
		if _, err := NewChannel(s); err == nil {
			t.Errorf("%+v accepted", s)
		}
	}
}

// TestChannelClosedForms checks each channel on a fixed input against the
// textbook action (Nielsen & Chuang §8.3).
func TestChannelClosedForms(t *testing.T) {
	// ρ = |ψ⟩⟨ψ| with ψ = (√0.3, √0.7·e^{0.4i}).
	a, b := complex(math.Sqrt(0.3), 0), complex(math.Sqrt(0.7), 0)*cmplx.Exp(0.4i)
	rho := []complex128{a * cmplx.Conj(a), a * cmplx.Conj(b), b * cmplx.Conj(a), b * cmplx.Conj(b)}
	x, y, z := []complex128{0, 1, 1, 0}, []complex128{0, -1i, 1i, 0}, []complex128{1, 0, 0, -1}
	conjBy := func(u []complex128) []complex128 { return matMul(matMul(u, rho), Dagger(u)) }
	mix := func(ws []float64, ms ...[]complex128) []complex128 {
		out := make([]complex128, 4)
		for i, m := range ms {
			for j := range out {
				out[j] += complex(ws[i], 0) * m[j]
			}
		}
		return out
	}
	p, g := 0.15, 0.35
	T1, T2, tg := 40.0, 30.0, 7.0
	e1, e2 := math.Exp(-tg/T1), math.Exp(-tg/T2)
	for _, tc := range []struct {
		spec ChannelSpec
		want []complex128
	}{
		{ChannelSpec{Type: "depolarizing", P: p}, mix([]float64{1 - p, p / 3, p / 3, p / 3}, rho, conjBy(x), conjBy(y), conjBy(z))},
		{ChannelSpec{Type: "bit_flip", P: p}, mix([]float64{1 - p, p}, rho, conjBy(x))},
		{ChannelSpec{Type: "phase_flip", P: p}, mix([]float64{1 - p, p}, rho, conjBy(z))},
		{ChannelSpec{Type: "bit_phase_flip", P: p}, mix([]float64{1 - p, p}, rho, conjBy(y))},
		{ChannelSpec{Type: "pauli", Pauli: map[string]float64{"X": 0.1, "Z": 0.2}}, mix([]float64{0.7, 0.1, 0.2}, rho, conjBy(x), conjBy(z))},
		// Amplitude damping: ρ11 → (1−γ)ρ11, ρ01 → √(1−γ)ρ01.
		{ChannelSpec{Type: "amplitude_damping", Gamma: g}, []complex128{rho[0] + complex(g, 0)*rho[3], complex(math.Sqrt(1-g), 0) * rho[1], complex(math.Sqrt(1-g), 0) * rho[2], complex(1-g, 0) * rho[3]}},
		{ChannelSpec{Type: "phase_damping", Gamma: g}, []complex128{rho[0], complex(math.Sqrt(1-g), 0) * rho[1], complex(math.Sqrt(1-g), 0) * rho[2], rho[3]}},
		// Thermal relaxation to |0⟩: ρ11 → e^{−t/T1}ρ11, ρ01 → e^{−t/T2}ρ01.
		{ChannelSpec{Type: "thermal_relaxation", T1: T1, T2: T2, Time: tg}, []complex128{1 - complex(e1, 0)*rho[3], complex(e2, 0) * rho[1], complex(e2, 0) * rho[2], complex(e1, 0) * rho[3]}},
		// With excited population pe the populations relax to (1−pe, pe).
		{ChannelSpec{Type: "thermal_relaxation", T1: T1, T2: T2, Time: tg, Excited: 0.2}, []complex128{1 - complex(0.2+(real(rho[3])-0.2)*e1, 0), complex(e2, 0) * rho[1], complex(e2, 0) * rho[2], complex(0.2+(real(rho[3])-0.2)*e1, 0)}},
	} {
		ch, err := NewChannel(tc.spec)
		if err != nil {
			t.Fatal(err)
		}
		got := applyKraus(ch, rho)
		for i := range got {
			if cmplx.Abs(got[i]-tc.want[i]) > 1e-14 {
				t.Errorf("%s: ρ'[%d] = %v, want %v", tc.spec.Type, i, got[i], tc.want[i])
			}
		}
	}
}

// TestDepolarizing2 checks the two-qubit depolarizing channel against its
// twirl form (1−p)ρ + p/15·(4·I·tr ρ − ρ), since Σ_P PρP = 4 tr(ρ)·I.
func TestDepolarizing2(t *testing.T) {
	p := 0.3
	ch, err := Depolarizing2(p)
	if err != nil {
		t.Fatal(err)
	}
	rho := make([]complex128, 16)
	psi := []complex128{0.5, 0.5i, -0.5, 0.5}
	for r := range 4 {
		for c := range 4 {
			rho[r*4+c] = psi[r] * cmplx.Conj(psi[c])
		}
	}
	got := applyKraus(ch, rho)
	for r := range 4 {
		for c := range 4 {
			want := complex(1-p-p/15, 0) * rho[r*4+c]
			if r == c {
				want += complex(4*p/15, 0)
			}
			if cmplx.Abs(got[r*4+c]-want) > 1e-14 {
				t.Errorf("ρ'[%d,%d] = %v, want %v", r, c, got[r*4+c], want)
			}
		}
	}
	if len(ch.Paulis) != 16 {
		t.Errorf("%d Pauli branches, want 16", len(ch.Paulis))
	}
}

func TestPauliLabelOrder(t *testing.T) {
	// "XZ" read right to left: Z on the channel's first qubit (bit 0).
	ch, err := PauliChannel(map[string]float64{"XZ": 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(ch.Paulis) != 1 || ch.Paulis[0].Ops != "ZX" {
		t.Fatalf("branches %+v, want one with Ops ZX", ch.Paulis)
	}
	// Z⊗X on (bit1, bit0) = X on bit 1, Z on bit 0: |00⟩ → |10⟩ (index 2).
	k := ch.Kraus[0]
	if k[2*4+0] != 1 || k[3*4+1] != -1 {
		t.Errorf("Kraus operator %v is not X(bit 1)·Z(bit 0)", k)
	}
}

func TestReadoutError(t *testing.T) {
	r := ReadoutError{P1Given0: 0.1, P0Given1: 0.25}
	ch, err := r.Channel()
	if err != nil {
		t.Fatal(err)
	}
	for v := 0; v < 2; v++ {
		rho := make([]complex128, 4)
		rho[v*3] = 1
		got := applyKraus(ch, rho)
		conf := r.Confusion()
		for b := 0; b < 2; b++ {
			if math.Abs(real(got[b*3])-conf[v][b]) > 1e-15 {
				t.Errorf("P(read %d | %d) = %v, want %v", b, v, real(got[b*3]), conf[v][b])
			}
		}
	}
	if r.Read(0, 0.05) != 1 || r.Read(0, 0.2) != 0 || r.Read(1, 0.2) != 0 || r.Read(1, 0.3) != 1 {
		t.Error("Read does not follow the confusion matrix")
	}
	if (ReadoutError{P1Given0: 1.5}).Check() == nil {
		t.Error("probability 1.5 accepted")
	}
}
