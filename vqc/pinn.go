package vqc

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/qmlgo/qml/circuit"
)

// Feature maps of PINNCircuit.
const (
	// TowerMap rotates qubit j by RY((j+1)·x̃), x̃ ∈ [−1, 1] the rescaled
	// input: the "tower" product feature map of Kyriienko, Paine & Elfving,
	// whose expectation values are trigonometric polynomials of x̃ up to
	// degree n(n+1)/2.
	TowerMap = "tower"
	// ChebyshevMap rotates qubit j by RY(2(j+1)·arccos x̃), x̃ ∈ [−0.95,
	// 0.95]: the Chebyshev tower map, whose amplitudes are Chebyshev
	// polynomials T_{j+1}(x̃) and √(1−x̃²)U_j(x̃). The interval stops short of
	// ±1, where arccos has infinite slope.
	ChebyshevMap = "chebyshev"
)

// chebyshevEdge is where ChebyshevMap puts the ends of the interval.
const chebyshevEdge = 0.95

// PINNCircuit is a differentiable quantum circuit (DQC; Kyriienko, Paine &
// Elfving, Phys. Rev. A 103, 052416 (2021), arXiv:2011.10395) used as the
// trial function of a physics-informed loss: the input x enters through a
// product feature map on every qubit, a hardware-efficient ansatz follows,
// and u(x) = ⟨Σⱼ Zⱼ⟩, the total magnetisation of the paper.
//
// Its derivatives in x are exact and need nothing but expectation values:
// every qubit's feature rotation reads its own circuit input, all equal to
// y = φ(x) (x̃ for the tower map, arccos x̃ for Chebyshev), so ∂u/∂y and
// ∂²u/∂y² follow from the two-term parameter-shift rule applied once and
// twice to those inputs (Mitarai et al., PRA 98, 032309 (2018); second
// derivatives as in Mari, Bromley & Killoran, PRA 103, 012405 (2021)),
// and the chain rule through φ gives d/dx and d²/dx². On n qubits one jet
// costs 1 + 4n + 2n(n−1) circuit evaluations.
type PINNCircuit struct {
	Backend Backend
	// Qubits, Layers and FeatureMap fix the circuit; Lo, Hi the interval
	// mapped onto the feature map's range of x̃.
	Qubits, Layers int
	FeatureMap     string
	Lo, Hi         float64
	// Gradient is how weight gradients of shifted circuits are computed
	// (Auto: the backend's adjoint method when it has one).
	Gradient GradientMethod
	// Circuit is the built circuit; input j is qubit j's feature angle.
	Circuit *circuit.Circuit
	// Obs is Σⱼ Zⱼ.
	Obs circuit.Observable
	// Theta holds the ansatz weights.
	Theta []float64
	coef  []float64 // feature angle of qubit j is coef[j]·y
}

// NewPINNCircuit builds the circuit on the backend with weights drawn
// uniformly from [−π, π). It fails for fewer than 1 qubit or layer, more
// than 12 qubits (the jet's n² evaluations), an unknown feature map or an
// empty interval.
func NewPINNCircuit(be Backend, qubits, layers int, featureMap string, lo, hi float64, rng *rand.Rand) (*PINNCircuit, error) {
	switch {
	case be == nil:
		return nil, errors.New("vqc: PINN circuit needs a backend")
	case qubits < 1 || qubits > 12:
		return nil, fmt.Errorf("vqc: PINN circuit on %d qubits, want 1 to 12", qubits)
	case layers < 1:
		return nil, fmt.Errorf("vqc: PINN circuit with %d layers, want at least 1", layers)
	case featureMap != TowerMap && featureMap != ChebyshevMap:
		return nil, fmt.Errorf("vqc: feature map %q, want %q or %q", featureMap, TowerMap, ChebyshevMap)
	case !(hi > lo) || math.IsInf(hi-lo, 0):
		return nil, fmt.Errorf("vqc: interval [%v, %v] is empty or infinite", lo, hi)
	}
	p := &PINNCircuit{Backend: be, Qubits: qubits, Layers: layers, FeatureMap: featureMap, Lo: lo, Hi: hi,
		Gradient: Auto, Circuit: circuit.New(qubits), coef: make([]float64, qubits)}
	var terms []circuit.PauliTerm
	for j := range qubits {
		p.coef[j] = float64(j + 1)
		if featureMap == ChebyshevMap {
			p.coef[j] *= 2
		}
		p.Circuit.RY(j, circuit.Input(j).Scale(p.coef[j]))
		terms = append(terms, circuit.Term(1, circuit.Z(j)))
	}
	p.Obs = circuit.Sum(terms...)
	an := HardwareEfficient{Rotations: []string{"ry", "rz", "ry"}}
	off := 0
	for l := range layers {
		k, err := an.AppendLayer(p.Circuit, l, off)
		if err != nil {
			return nil, err
		}
		off += k
	}
	p.Theta = make([]float64, off)
	for i := range p.Theta {
		p.Theta[i] = math.Pi * (2*rng.Float64() - 1)
	}
	return p, nil
}

// NumParams returns len(Theta).
func (p *PINNCircuit) NumParams() int { return len(p.Theta) }

// Params returns Theta itself, which trainers update in place.
func (p *PINNCircuit) Params() []float64 { return p.Theta }

// feature returns y = φ(x) and φ′(x), φ″(x).
func (p *PINNCircuit) feature(x float64) (y, dy, d2y float64) {
	c, s := (p.Lo+p.Hi)/2, (p.Hi-p.Lo)/2
	if p.FeatureMap == TowerMap {
		return (x - c) / s, 1 / s, 0
	}
	// x̃ = e(x − c)/s, y = arccos x̃: y′ = −x̃′/√(1−x̃²), y″ = −x̃ x̃′²/(1−x̃²)^{3/2}.
	d := chebyshevEdge / s
	t := d * (x - c)
	q := 1 - t*t
	return math.Acos(t), -d / math.Sqrt(q), -t * d * d / (q * math.Sqrt(q))
}

// shiftTerm is one shifted circuit of a jet's stencil: feature angles
// moved by Δ (on at most two qubits) and the weight of its expectation in
// u, ∂u/∂y and ∂²u/∂y².
type shiftTerm struct {
	q1, q2     int     // shifted qubits (−1: none)
	s1, s2     float64 // their angle shifts
	w0, w1, w2 float64
}

// stencil lists the parameter-shift evaluations of u, ∂_y u and ∂²_y u: for
// f(a) with a_j = c_j·y, ∂_j f = [f(a + π/2 e_j) − f(a − π/2 e_j)]/2,
// ∂_j² f = [f(a + π e_j) − 2f(a) + f(a − π e_j)]/4 and, j ≠ k, ∂_j∂_k f =
// [f(++) − f(+−) − f(−+) + f(−−)]/4 with ±π/2 on both; then ∂_y = Σ c_j ∂_j
// and ∂²_y = Σ_{jk} c_j c_k ∂_j∂_k.
func (p *PINNCircuit) stencil() []shiftTerm {
	c := p.coef
	n := len(c)
	centre := 0.0
	for j := range n {
		centre -= 2 * c[j] * c[j] / 4
	}
	st := []shiftTerm{{q1: -1, q2: -1, w0: 1, w2: centre}}
	h := math.Pi / 2
	for j := range n {
		st = append(st,
			shiftTerm{q1: j, q2: -1, s1: h, w1: c[j] / 2},
			shiftTerm{q1: j, q2: -1, s1: -h, w1: -c[j] / 2},
			shiftTerm{q1: j, q2: -1, s1: math.Pi, w2: c[j] * c[j] / 4},
			shiftTerm{q1: j, q2: -1, s1: -math.Pi, w2: c[j] * c[j] / 4})
		for k := j + 1; k < n; k++ {
			w := 2 * c[j] * c[k] / 4
			st = append(st,
				shiftTerm{q1: j, q2: k, s1: h, s2: h, w2: w},
				shiftTerm{q1: j, q2: k, s1: h, s2: -h, w2: -w},
				shiftTerm{q1: j, q2: k, s1: -h, s2: h, w2: -w},
				shiftTerm{q1: j, q2: k, s1: -h, s2: -h, w2: w})
		}
	}
	return st
}

// binding returns the binding of shift term t at feature value y.
func (p *PINNCircuit) binding(theta []float64, y float64, t shiftTerm) circuit.Binding {
	in := make([]float64, p.Qubits)
	for j := range in {
		in[j] = y
	}
	if t.q1 >= 0 {
		in[t.q1] += t.s1 / p.coef[t.q1]
	}
	if t.q2 >= 0 {
		in[t.q2] += t.s2 / p.coef[t.q2]
	}
	return circuit.Binding{Weights: theta, Inputs: in}
}

// Jet returns u(x), u′(x), u″(x) under theta, exactly, by the parameter-
// shift stencil and the chain rule through the feature map. With grad
// non-nil it then asks cot for adjoints (a, b, c) and adds ∇_θ(a·u + b·u′ +
// c·u″) to grad: each shifted circuit's weight gradient with cotangent
// a·w₀ + b·y′w₁ + c·(y′²w₂ + y″w₁). It is safe for concurrent use when
// the backend is; its signature matches classical.PINNNetwork.
func (p *PINNCircuit) Jet(theta []float64, x float64, cot func(u, du, d2u float64) (a, b, c float64), grad []float64) (u, du, d2u float64, err error) {
	if len(theta) != len(p.Theta) {
		return 0, 0, 0, fmt.Errorf("vqc: %d weights for a PINN circuit with %d", len(theta), len(p.Theta))
	}
	y, dy, d2y := p.feature(x)
	st := p.stencil()
	obs := []circuit.Observable{p.Obs}
	f := make([]float64, len(st))
	var fy, fyy float64
	for i, t := range st {
		e, err := p.Backend.Expectations(p.Circuit, p.binding(theta, y, t), obs)
		if err != nil {
			return 0, 0, 0, err
		}
		f[i] = e[0]
		u += t.w0 * f[i]
		fy += t.w1 * f[i]
		fyy += t.w2 * f[i]
	}
	du, d2u = fy*dy, fyy*dy*dy+fy*d2y
	if grad == nil {
		return u, du, d2u, nil
	}
	a, b, c := cot(u, du, d2u)
	for _, t := range st {
		alpha := a*t.w0 + b*dy*t.w1 + c*(dy*dy*t.w2+d2y*t.w1)
		if alpha == 0 {
			continue
		}
		_, gw, _, err := ExpectationGradient(p.Backend, p.Gradient, p.Circuit, p.binding(theta, y, t), obs,
			func([]float64) ([]float64, error) { return []float64{alpha}, nil })
		if err != nil {
			return 0, 0, 0, err
		}
		for i, g := range gw {
			grad[i] += g
		}
	}
	return u, du, d2u, nil
}
