package circuit

import (
	"fmt"
	"math"
	"math/cmplx"
	"sort"
	"strings"
)

// CPTPTolerance is how far a channel may be from trace preservation
// (max |Σ K†K − I|) and from complete positivity (the most negative
// eigenvalue of its Choi matrix) before CheckCPTP refuses it.
const CPTPTolerance = 1e-12

// Channel is a quantum channel on Qubits qubits in Kraus form,
// ρ → Σ_k K_k ρ K_k† (Nielsen & Chuang, §8.2.3). Each Kraus operator is a
// row-major 2^Qubits × 2^Qubits matrix in the local order of gate matrices:
// the first qubit the channel is applied to is the least-significant bit of
// the matrix index.
//
// Channels are made by the constructors below (Depolarizing,
// AmplitudeDamping, ThermalRelaxation, …) or by NewChannel from a
// ChannelSpec, which is how noise-model files name them; every constructor
// runs CheckCPTP. A Channel is read-only once made.
type Channel struct {
	// Spec is the name and parameters the channel was made from, the
	// form a noise-model file writes.
	Spec ChannelSpec
	// Qubits is the number of qubits the channel acts on (1 or 2).
	Qubits int
	// Kraus holds the Kraus operators; operators that vanish are left out.
	Kraus [][]complex128
	// Paulis lists the terms of a Pauli channel ρ → Σ_k p_k P_k ρ P_k
	// (depolarizing, bit/phase flips, generalised Pauli), which
	// trajectory simulators sample without computing branch
	// probabilities: the channel is unital and every branch has the
	// fixed probability p_k. Nil for every other channel.
	Paulis []PauliBranch
}

// PauliBranch is one term p·P ρ P of a Pauli channel.
type PauliBranch struct {
	// Prob is the probability p of the branch.
	Prob float64
	// Ops is the Pauli on each of the channel's qubits, in the order the
	// channel's qubits are listed: "I", "X", "Y" or "Z" per qubit, so
	// "XZ" applies X to the channel's first qubit and Z to its second.
	Ops string
}

// ChannelSpec names a channel and its parameters; it is the form rules of a
// noise-model file take (see spec.ParseNoiseModel). Which parameters apply
// depends on Type:
//
//	depolarizing        p      1 qubit: (1−p)ρ + (p/3)(XρX + YρY + ZρZ)
//	depolarizing2       p      2 qubits: (1−p)ρ + (p/15)Σ_{P≠II} PρP
//	bit_flip            p      (1−p)ρ + p XρX
//	phase_flip          p      (1−p)ρ + p ZρZ
//	bit_phase_flip      p      (1−p)ρ + p YρY
//	pauli               pauli  generalised Pauli: {label: probability}
//	amplitude_damping   gamma  |1⟩ decays to |0⟩ with probability γ
//	phase_damping       gamma  coherences shrink by √(1−γ)
//	thermal_relaxation  t1, t2, time, excited
type ChannelSpec struct {
	Type string `json:"type"`
	// P is the error probability of the Pauli channels.
	P float64 `json:"p,omitempty"`
	// Gamma is the damping probability of amplitude and phase damping.
	Gamma float64 `json:"gamma,omitempty"`
	// Pauli maps Pauli labels to probabilities for the generalised Pauli
	// channel. Labels read right to left, as Qiskit's do: in "XZ" the Z
	// acts on the channel's first qubit. All labels have the same length,
	// 1 or 2; the identity takes the remaining probability.
	Pauli map[string]float64 `json:"pauli,omitempty"`
	// T1, T2 and Time (in one unit, ns say) give thermal relaxation for a
	// gate of that duration; Excited is the equilibrium population of
	// |1⟩ (0 at zero temperature).
	T1      float64 `json:"t1,omitempty"`
	T2      float64 `json:"t2,omitempty"`
	Time    float64 `json:"time,omitempty"`
	Excited float64 `json:"excited,omitempty"`
}

// ChannelTypes lists the Type values NewChannel accepts, sorted.
func ChannelTypes() []string {
	names := make([]string, 0, len(channelMakers))
	for n := range channelMakers {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

var channelMakers = map[string]func(s ChannelSpec) (*Channel, error){
	"depolarizing":       func(s ChannelSpec) (*Channel, error) { return Depolarizing(s.P) },
	"depolarizing2":      func(s ChannelSpec) (*Channel, error) { return Depolarizing2(s.P) },
	"bit_flip":           func(s ChannelSpec) (*Channel, error) { return BitFlip(s.P) },
	"phase_flip":         func(s ChannelSpec) (*Channel, error) { return PhaseFlip(s.P) },
	"bit_phase_flip":     func(s ChannelSpec) (*Channel, error) { return BitPhaseFlip(s.P) },
	"pauli":              func(s ChannelSpec) (*Channel, error) { return PauliChannel(s.Pauli) },
	"amplitude_damping":  func(s ChannelSpec) (*Channel, error) { return AmplitudeDamping(s.Gamma) },
	"phase_damping":      func(s ChannelSpec) (*Channel, error) { return PhaseDamping(s.Gamma) },
	"thermal_relaxation": func(s ChannelSpec) (*Channel, error) { return ThermalRelaxation(s.T1, s.T2, s.Time, s.Excited) },
}

// channelParams lists, for each type, the ChannelSpec fields it reads; a
// file that sets any other is refused (a typo there would silently mean
// no noise).
var channelParams = map[string][]string{
	"depolarizing": {"p"}, "depolarizing2": {"p"}, "bit_flip": {"p"}, "phase_flip": {"p"}, "bit_phase_flip": {"p"},
	"pauli": {"pauli"}, "amplitude_damping": {"gamma"}, "phase_damping": {"gamma"},
	"thermal_relaxation": {"t1", "t2", "time", "excited"},
}

// NewChannel returns the channel s describes.
func NewChannel(s ChannelSpec) (*Channel, error) {
	mk, ok := channelMakers[s.Type]
	if !ok {
		return nil, fmt.Errorf("unknown channel type %q (want one of %s)", s.Type, strings.Join(ChannelTypes(), ", "))
	}
	return mk(s)
}

// checkProbability checks that p is a probability.
func checkProbability(what string, p float64) error {
	if !(p >= 0 && p <= 1) {
		return fmt.Errorf("%s %v: want a probability in [0, 1]", what, p)
	}
	return nil
}

// Depolarizing returns the one-qubit depolarizing channel with error
// probability p: (1−p)ρ + (p/3)(XρX + YρY + ZρZ) (Nielsen & Chuang
// eq. 8.102, and itsubaki/q's Depolarizing). In Qiskit's parametrisation
// (1−λ)ρ + λ·I/2 this is λ = 4p/3.
func Depolarizing(p float64) (*Channel, error) {
	if err := checkProbability("depolarizing p", p); err != nil {
		return nil, err
	}
	return pauliMixture(ChannelSpec{Type: "depolarizing", P: p}, 1, uniformPaulis(1, p))
}

// Depolarizing2 returns the two-qubit depolarizing channel with error
// probability p: (1−p)ρ + (p/15)Σ P ρ P over the 15 two-qubit Paulis other
// than II. In Qiskit's parametrisation this is λ = 16p/15.
func Depolarizing2(p float64) (*Channel, error) {
	if err := checkProbability("depolarizing2 p", p); err != nil {
		return nil, err
	}
	return pauliMixture(ChannelSpec{Type: "depolarizing2", P: p}, 2, uniformPaulis(2, p))
}

// uniformPaulis spreads p evenly over the 4^k − 1 non-identity Paulis on k
// qubits.
func uniformPaulis(k int, p float64) map[string]float64 {
	m := map[string]float64{}
	n := 1<<(2*k) - 1
	for i := 1; i <= n; i++ {
		label := ""
		for q := 0; q < k; q++ {
			label = string("IXYZ"[(i>>(2*q))&3]) + label
		}
		m[label] = p / float64(n)
	}
	return m
}

// BitFlip returns (1−p)ρ + p XρX.
func BitFlip(p float64) (*Channel, error) { return flipChannel("bit_flip", "X", p) }

// PhaseFlip returns (1−p)ρ + p ZρZ.
func PhaseFlip(p float64) (*Channel, error) { return flipChannel("phase_flip", "Z", p) }

// BitPhaseFlip returns (1−p)ρ + p YρY.
func BitPhaseFlip(p float64) (*Channel, error) { return flipChannel("bit_phase_flip", "Y", p) }

func flipChannel(name, pauli string, p float64) (*Channel, error) {
	if err := checkProbability(name+" p", p); err != nil {
		return nil, err
	}
	return pauliMixture(ChannelSpec{Type: name, P: p}, 1, map[string]float64{pauli: p})
}

// PauliChannel returns the generalised Pauli channel ρ → p_I ρ + Σ p_P PρP
// with the probabilities p_P of probs, keyed by Pauli labels read right to
// left (Qiskit's order: in "XZ" the Z acts on the channel's first qubit);
// p_I = 1 − Σ p_P (an identity label, if given, must have that value).
// The labels all have 1 or all have 2 letters.
func PauliChannel(probs map[string]float64) (*Channel, error) {
	if len(probs) == 0 {
		return nil, fmt.Errorf("pauli channel: no probabilities given")
	}
	k := -1
	for label, p := range probs {
		if k == -1 {
			k = len(label)
		}
		switch {
		case len(label) != k || k < 1 || k > 2:
			return nil, fmt.Errorf("pauli channel: label %q: want labels all of 1 or all of 2 letters", label)
		case strings.Trim(label, "IXYZ") != "":
			return nil, fmt.Errorf("pauli channel: label %q: want letters I, X, Y, Z", label)
		}
		if err := checkProbability(fmt.Sprintf("pauli channel: probability of %q", label), p); err != nil {
			return nil, err
		}
	}
	spec := ChannelSpec{Type: "pauli", Pauli: map[string]float64{}}
	for l, p := range probs {
		spec.Pauli[l] = p
	}
	return pauliMixture(spec, k, probs)
}

// pauliMixture builds the Pauli channel on k qubits whose non-identity
// terms have the probabilities of probs (labels read right to left).
func pauliMixture(spec ChannelSpec, k int, probs map[string]float64) (*Channel, error) {
	identity := strings.Repeat("I", k)
	labels := make([]string, 0, len(probs))
	total := 0.0
	for l, p := range probs {
		if l != identity {
			labels = append(labels, l)
			total += p
		}
	}
	sort.Strings(labels)
	pI := 1 - total
	if pI < -CPTPTolerance {
		return nil, fmt.Errorf("%s: Pauli probabilities sum to %v > 1", spec.Type, total)
	}
	if p, ok := probs[identity]; ok && math.Abs(p-pI) > CPTPTolerance {
		return nil, fmt.Errorf("%s: probability %v of %s is not 1 − Σ(others) = %v", spec.Type, p, identity, pI)
	}
	ch := &Channel{Spec: spec, Qubits: k}
	add := func(label string, p float64) {
		if p <= 0 {
			return
		}
		ops := reverseString(label) // Ops lists the channel's first qubit first
		ch.Paulis = append(ch.Paulis, PauliBranch{Prob: p, Ops: ops})
		ch.Kraus = append(ch.Kraus, scaleMat(pauliMatrix(ops), complex(math.Sqrt(p), 0)))
	}
	add(identity, max(pI, 0))
	for _, l := range labels {
		add(l, probs[l])
	}
	return ch, ch.CheckCPTP()
}

// reverseString returns s with its bytes in reverse order.
func reverseString(s string) string {
	b := []byte(s)
	for i, j := 0, len(b)-1; i < j; i, j = i+1, j-1 {
		b[i], b[j] = b[j], b[i]
	}
	return string(b)
}

// pauliMatrix returns the matrix of the Pauli string ops, ops[0] acting on
// the least-significant bit.
func pauliMatrix(ops string) []complex128 {
	m := []complex128{1}
	for i := 0; i < len(ops); i++ {
		m = kron(singlePauli(ops[i]), m)
	}
	return m
}

func singlePauli(p byte) []complex128 {
	switch p {
	case 'X':
		return matX
	case 'Y':
		return matY
	case 'Z':
		return matZ
	}
	return matI
}

// AmplitudeDamping returns the amplitude-damping channel with decay
// probability γ: K0 = [[1, 0], [0, √(1−γ)]], K1 = [[0, √γ], [0, 0]]
// (Nielsen & Chuang eq. 8.108). Over a time t with relaxation time T1,
// γ = 1 − e^{−t/T1}.
func AmplitudeDamping(gamma float64) (*Channel, error) {
	if err := checkProbability("amplitude_damping gamma", gamma); err != nil {
		return nil, err
	}
	return newKrausChannel(ChannelSpec{Type: "amplitude_damping", Gamma: gamma},
		[]complex128{1, 0, 0, complex(math.Sqrt(1-gamma), 0)},
		[]complex128{0, complex(math.Sqrt(gamma), 0), 0, 0})
}

// PhaseDamping returns the phase-damping channel with parameter γ:
// K0 = [[1, 0], [0, √(1−γ)]], K1 = [[0, 0], [0, √γ]] (Nielsen & Chuang
// eq. 8.127 up to a unitary mixing of the Kraus operators), which scales
// the coherences ρ01, ρ10 by √(1−γ) and leaves populations alone.
func PhaseDamping(gamma float64) (*Channel, error) {
	if err := checkProbability("phase_damping gamma", gamma); err != nil {
		return nil, err
	}
	return newKrausChannel(ChannelSpec{Type: "phase_damping", Gamma: gamma},
		[]complex128{1, 0, 0, complex(math.Sqrt(1-gamma), 0)},
		[]complex128{0, 0, 0, complex(math.Sqrt(gamma), 0)})
}

// ThermalRelaxation returns the relaxation of one qubit over a gate of
// duration t towards the thermal state with excited population pe:
// populations relax as e^{−t/T1} and coherences decay as e^{−t/T2}, which
// needs T2 ≤ 2·T1. It is generalised amplitude damping with
// γ = 1 − e^{−t/T1} (Nielsen & Chuang eq. 8.111–8.114) followed by the
// phase damping that makes up the rest of the dephasing,
// 1 − λ = e^{−2t/T2 + t/T1} (the composition Qiskit's
// thermal_relaxation_error describes for T2 ≤ T1 as a reset/Z mixture).
func ThermalRelaxation(t1, t2, t, pe float64) (*Channel, error) {
	switch {
	case !(t1 > 0) || math.IsInf(t1, 0):
		return nil, fmt.Errorf("thermal_relaxation t1 %v: want a finite time > 0", t1)
	case !(t2 > 0) || math.IsInf(t2, 0):
		return nil, fmt.Errorf("thermal_relaxation t2 %v: want a finite time > 0", t2)
	case t2 > 2*t1:
		return nil, fmt.Errorf("thermal_relaxation t2 %v > 2·t1 = %v: no physical channel has that", t2, 2*t1)
	case !(t >= 0) || math.IsInf(t, 0):
		return nil, fmt.Errorf("thermal_relaxation time %v: want a finite duration ≥ 0", t)
	}
	if err := checkProbability("thermal_relaxation excited", pe); err != nil {
		return nil, err
	}
	g := 1 - math.Exp(-t/t1)
	lam := 1 - math.Exp(-2*t/t2+t/t1)
	a, b := math.Sqrt(1-g), math.Sqrt(g)
	c, d := math.Sqrt(1-lam), math.Sqrt(max(lam, 0))
	s0, s1 := math.Sqrt(1-pe), math.Sqrt(pe)
	// Generalised amplitude damping, then phase damping diag(1, c), diag(0, d).
	gad := [][]complex128{
		{complex(s0, 0), 0, 0, complex(s0*a, 0)},
		{0, complex(s0*b, 0), 0, 0},
		{complex(s1*a, 0), 0, 0, complex(s1, 0)},
		{0, 0, complex(s1*b, 0), 0},
	}
	pd := [][]complex128{{1, 0, 0, complex(c, 0)}, {0, 0, 0, complex(d, 0)}}
	var ops [][]complex128
	for _, p := range pd {
		for _, k := range gad {
			ops = append(ops, matMul(p, k))
		}
	}
	return newKrausChannel(ChannelSpec{Type: "thermal_relaxation", T1: t1, T2: t2, Time: t, Excited: pe}, ops...)
}

// newKrausChannel builds a channel from Kraus operators, dropping those that vanish,
// and checks it.
func newKrausChannel(spec ChannelSpec, ops ...[]complex128) (*Channel, error) {
	ch := &Channel{Spec: spec, Qubits: log2Dim(isqrt(len(ops[0])))}
	for _, k := range ops {
		if frobenius(k) > 0 {
			ch.Kraus = append(ch.Kraus, k)
		}
	}
	return ch, ch.CheckCPTP()
}

func log2Dim(d int) int {
	k := 0
	for 1<<k < d {
		k++
	}
	return k
}

func frobenius(m []complex128) float64 {
	s := 0.0
	for _, v := range m {
		s += real(v)*real(v) + imag(v)*imag(v)
	}
	return s
}

// CheckCPTP checks that the Kraus operators are well formed and that the
// channel is trace preserving, max |Σ K†K − I| ≤ CPTPTolerance, and
// completely positive, its Choi matrix having no eigenvalue below
// −CPTPTolerance.
func (ch *Channel) CheckCPTP() error {
	if ch.Qubits < 1 || ch.Qubits > 2 || len(ch.Kraus) == 0 {
		return fmt.Errorf("channel %s: %d Kraus operators on %d qubits; want at least one, on 1 or 2 qubits", ch.Spec.Type, len(ch.Kraus), ch.Qubits)
	}
	d := 1 << ch.Qubits
	sum := make([]complex128, d*d)
	for _, k := range ch.Kraus {
		if len(k) != d*d {
			return fmt.Errorf("channel %s: Kraus operator with %d entries; want %d", ch.Spec.Type, len(k), d*d)
		}
		for i, v := range matMul(Dagger(k), k) {
			if cmplx.IsNaN(v) || cmplx.IsInf(v) {
				return fmt.Errorf("channel %s: Kraus operator is not finite", ch.Spec.Type)
			}
			sum[i] += v
		}
	}
	worst := 0.0
	for i := 0; i < d; i++ {
		sum[i*d+i]--
	}
	for _, v := range sum {
		worst = math.Max(worst, cmplx.Abs(v))
	}
	if worst > CPTPTolerance {
		return fmt.Errorf("channel %s is not trace preserving: max |Σ K†K − I| = %.3g", ch.Spec.Type, worst)
	}
	if !positiveDefinite(ch.Choi(), CPTPTolerance) {
		return fmt.Errorf("channel %s is not completely positive: its Choi matrix has an eigenvalue below −%g", ch.Spec.Type, CPTPTolerance)
	}
	return nil
}

// positiveDefinite reports whether the Hermitian row-major matrix h + shift·I
// is positive definite, that is every eigenvalue of h exceeds −shift, by
// attempting its Cholesky factorisation (Golub & Van Loan, Algorithm 4.2.1).
func positiveDefinite(h []complex128, shift float64) bool {
	d := isqrt(len(h))
	l := make([]complex128, d*d)
	for j := 0; j < d; j++ {
		diag := real(h[j*d+j]) + shift
		for k := 0; k < j; k++ {
			diag -= real(l[j*d+k] * cmplx.Conj(l[j*d+k]))
		}
		if !(diag > 0) {
			return false
		}
		ljj := math.Sqrt(diag)
		l[j*d+j] = complex(ljj, 0)
		for i := j + 1; i < d; i++ {
			v := h[i*d+j]
			for k := 0; k < j; k++ {
				v -= l[i*d+k] * cmplx.Conj(l[j*d+k])
			}
			l[i*d+j] = v / complex(ljj, 0)
		}
	}
	return true
}

// Choi returns the Choi matrix J = Σ_{ij} |i⟩⟨j| ⊗ E(|i⟩⟨j|) = Σ_k
// vec(K_k)vec(K_k)†, a 4^Qubits-square row-major Hermitian matrix whose
// positivity is the channel's complete positivity (Choi 1975). Its index
// is a·d + b for the entry (a, b) of a Kraus operator, d = 2^Qubits.
func (ch *Channel) Choi() []complex128 {
	d2 := 1 << (2 * ch.Qubits)
	j := make([]complex128, d2*d2)
	for _, k := range ch.Kraus {
		for r := 0; r < d2; r++ {
			for c := 0; c < d2; c++ {
				j[r*d2+c] += k[r] * cmplx.Conj(k[c])
			}
		}
	}
	return j
}
