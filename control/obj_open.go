package control

import (
	"fmt"
	"math/cmplx"

	"github.com/qmlgo/qml/linalg"
)

// SuperopTarget is the open-system gate objective of QuTiP's "TRACEDIFF"
// fidelity: the evolution starts from the identity superoperator and
// J = ‖S_t − S(T)‖²_F/(2D), D = d² the Liouville dimension.
type SuperopTarget struct {
	target *linalg.Matrix
	x0     *linalg.Matrix
}

// NewSuperopTarget returns the objective for the D×D target superoperator
// (Superoperator(U) for a unitary gate U).
func NewSuperopTarget(target *linalg.Matrix) (*SuperopTarget, error) {
	if target == nil || target.Rows != target.Cols || target.Rows < 1 {
		return nil, fmt.Errorf("control: superoperator target must be square")
	}
	return &SuperopTarget{target: target.Clone(), x0: linalg.Identity(target.Rows)}, nil
}

// Initial implements Objective: the identity superoperator.
func (s *SuperopTarget) Initial() *linalg.Matrix { return s.x0 }

// Cost implements Objective: ∂‖S_t − X‖²/∂X = 2(X − S_t).
func (s *SuperopTarget) Cost(x, grad *linalg.Matrix) float64 {
	D := float64(s.target.Rows)
	var j float64
	for i, v := range x.Data {
		d := v - s.target.Data[i]
		j += real(d)*real(d) + imag(d)*imag(d)
		if grad != nil {
			grad.Data[i] += d / complex(D, 0)
		}
	}
	return j / (2 * D)
}

// Metrics implements Objective: "infidelity".
func (s *SuperopTarget) Metrics(x *linalg.Matrix) map[string]float64 {
	return map[string]float64{"infidelity": s.Cost(x, nil)}
}

// DensityTarget is the open-system state objective 1 − Re Tr(ρ_t†·ρ(T))
// from ρ₀: for a pure target |t⟩⟨t| it is 1 − ⟨t|ρ(T)|t⟩.
type DensityTarget struct {
	rho0, target *linalg.Matrix
}

// NewDensityTarget returns the objective for d×d density matrices rho0 and
// target.
func NewDensityTarget(rho0, target *linalg.Matrix) (*DensityTarget, error) {
	if rho0 == nil || target == nil || rho0.Rows != rho0.Cols || target.Rows != rho0.Rows || target.Cols != rho0.Cols {
		return nil, fmt.Errorf("control: density target needs two square matrices of one size")
	}
	return &DensityTarget{rho0: VecDensity(rho0), target: VecDensity(target)}, nil
}

// Initial implements Objective: vec(ρ₀).
func (t *DensityTarget) Initial() *linalg.Matrix { return t.rho0 }

// Cost implements Objective: ∂Re(vec(ρ_t)†x)/∂x = vec(ρ_t).
func (t *DensityTarget) Cost(x, grad *linalg.Matrix) float64 {
	var ov complex128
	for i, v := range x.Data {
		ov += cmplx.Conj(t.target.Data[i]) * v
	}
	if grad != nil {
		for i, v := range t.target.Data {
			grad.Data[i] -= v
		}
	}
	return 1 - real(ov)
}

// Metrics implements Objective: "infidelity".
func (t *DensityTarget) Metrics(x *linalg.Matrix) map[string]float64 {
	return map[string]float64{"infidelity": t.Cost(x, nil)}
}
