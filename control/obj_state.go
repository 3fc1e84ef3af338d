package control

import (
	"fmt"
	"math/cmplx"

	"github.com/qmlgo/qml/linalg"
)

// StateTransfer is the objective 1 − (1/k)·Σ_i |⟨t_i|ψ_i(T)⟩|² of taking k
// initial states (columns of From) to k target states (columns of To), each
// up to a phase.
type StateTransfer struct {
	from, to *linalg.Matrix
}

// NewStateTransfer returns the state-transfer objective; from and to are
// d×k with normalised columns.
func NewStateTransfer(from, to *linalg.Matrix) (*StateTransfer, error) {
	if from == nil || to == nil || from.Rows != to.Rows || from.Cols != to.Cols || from.Cols < 1 {
		return nil, fmt.Errorf("control: state transfer needs initial and target states of equal shape")
	}
	for _, m := range []*linalg.Matrix{from, to} {
		if err := checkFinite("state", m); err != nil {
			return nil, err
		}
	}
	return &StateTransfer{from: from.Clone(), to: to.Clone()}, nil
}

// Initial implements Objective.
func (s *StateTransfer) Initial() *linalg.Matrix { return s.from }

// overlaps returns ⟨t_i|x_i⟩ per column.
func (s *StateTransfer) overlaps(x *linalg.Matrix) []complex128 {
	k := x.Cols
	ov := make([]complex128, k)
	for r := range x.Rows {
		for i := range k {
			ov[i] += cmplx.Conj(s.to.Data[r*k+i]) * x.Data[r*k+i]
		}
	}
	return ov
}

// Cost implements Objective: ∂|⟨t|x⟩|²/∂x = 2⟨t|x⟩·t.
func (s *StateTransfer) Cost(x, grad *linalg.Matrix) float64 {
	ov := s.overlaps(x)
	k := float64(len(ov))
	j := 1.0
	for _, o := range ov {
		j -= (real(o)*real(o) + imag(o)*imag(o)) / k
	}
	if grad != nil {
		n := len(ov)
		for r := range x.Rows {
			for i, o := range ov {
				grad.Data[r*n+i] -= 2 * o * s.to.Data[r*n+i] / complex(k, 0)
			}
		}
	}
	return j
}

// Metrics implements Objective: "infidelity".
func (s *StateTransfer) Metrics(x *linalg.Matrix) map[string]float64 {
	return map[string]float64{"infidelity": s.Cost(x, nil)}
}

// Energy is the pulse-level VQE objective: the energy error
// ⟨ψ(T)|H|ψ(T)⟩ − E₀ from an initial state ψ₀, E₀ the exact ground energy
// of H restricted to the given subspace (all states when nil), so that the
// objective is non-negative and a target (chemical accuracy, 1.6e-3 Ha)
// applies to it directly.
type Energy struct {
	h      *linalg.Matrix
	psi0   *linalg.Matrix
	ground float64
}

// NewEnergy returns the energy objective of Hermitian h from psi0 (d×1);
// subspace lists the basis states the ground energy is taken over.
func NewEnergy(h, psi0 *linalg.Matrix, subspace []int) (*Energy, error) {
	d := h.Rows
	if h.Cols != d || psi0 == nil || psi0.Rows != d || psi0.Cols != 1 {
		return nil, fmt.Errorf("control: energy needs a square Hamiltonian and a %d×1 initial state", d)
	}
	if !isHermitian(h, 1e-10) {
		return nil, fmt.Errorf("control: energy Hamiltonian is not Hermitian")
	}
	if subspace == nil {
		subspace = allIndices(d)
	}
	m := len(subspace)
	block := &linalg.Matrix{Rows: m, Cols: m, Data: make([]complex128, m*m)}
	for a, i := range subspace {
		if i < 0 || i >= d {
			return nil, fmt.Errorf("control: subspace state %d out of range [0, %d)", i, d)
		}
		for b, j := range subspace {
			block.Data[a*m+b] = h.Data[i*d+j]
		}
	}
	w, _, err := linalg.EigHermitian(block)
	if err != nil {
		return nil, err
	}
	return &Energy{h: h.Clone(), psi0: psi0.Clone(), ground: w[0]}, nil
}

// Ground returns the exact ground energy E₀.
func (en *Energy) Ground() float64 { return en.ground }

// Initial implements Objective.
func (en *Energy) Initial() *linalg.Matrix { return en.psi0 }

// Cost implements Objective: E − E₀ with E = ψ†Hψ, ∂E/∂ψ = 2Hψ.
func (en *Energy) Cost(x, grad *linalg.Matrix) float64 {
	return en.energy(x, grad) - en.ground
}

// energy returns ψ†Hψ and adds 2Hψ to grad when non-nil.
func (en *Energy) energy(x, grad *linalg.Matrix) float64 {
	var hx linalg.Matrix
	_ = hx.Mul(en.h, x)
	var e complex128
	for i, v := range x.Data {
		e += cmplx.Conj(v) * hx.Data[i]
	}
	if grad != nil {
		for i, v := range hx.Data {
			grad.Data[i] += 2 * v
		}
	}
	return real(e)
}

// Metrics implements Objective: "energy", "ground_energy", "energy_error".
func (en *Energy) Metrics(x *linalg.Matrix) map[string]float64 {
	e := en.energy(x, nil)
	return map[string]float64{"energy": e, "ground_energy": en.ground, "energy_error": e - en.ground}
}
