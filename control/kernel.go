package control

import (
	"math"
	"math/cmplx"

	"github.com/qmlgo/qml/linalg"
)

// build forms slice n's node operators (closed: H at each node; open: the
// Lindblad generator B at each node), its exponent and its propagator U_n.
func (e *Evaluator) build(ws *workspace, n int) error {
	sl := &ws.sl[n]
	q := len(e.nodes)
	for k := range q {
		h := sl.h[k]
		h.Copy(e.drift)
		for j, t := range e.terms {
			t.op.addTo(h, complex(ws.v[j][n*q+k], 0))
		}
	}
	if e.open {
		return e.buildOpen(sl)
	}
	return e.buildClosed(sl)
}

// magnusC is the commutator coefficient √3·Δt²/12 of the Magnus integrator.
func (e *Evaluator) magnusC() float64 { return math.Sqrt(3) * e.dt * e.dt / 12 }

// commutator sets dst = a·b − b·a, using scratch.
func commutator(dst, scratch, a, b *linalg.Matrix) {
	_ = dst.Mul(a, b)
	_ = scratch.Mul(b, a)
	_ = dst.Sub(dst, scratch)
}

// jacobiMaxDim is the largest dimension whose slice eigenproblems use
// linalg.JacobiEigen (allocation-free, faster for small matrices) rather
// than linalg.EigHermitian.
const jacobiMaxDim = 8

// buildClosed: H_eff = H₁ (midpoint) or ½(H₁+H₂) − i(√3Δt/12)[H₂, H₁]
// (Magnus, with B = −iH), then H_eff = V·diag(λ)·V† and
// U = V·diag(e^{−iΔtλ})·V†.
func (e *Evaluator) buildClosed(sl *sliceState) error {
	heff := sl.h[0]
	if len(e.nodes) == 2 {
		heff = sl.a
		commutator(heff, &sl.s, sl.h[1], sl.h[0])
		c := complex(0, -e.magnusC()/e.dt)
		for i, x := range heff.Data {
			heff.Data[i] = c*x + 0.5*(sl.h[0].Data[i]+sl.h[1].Data[i])
		}
	}
	if heff.Rows <= jacobiMaxDim {
		if err := sl.jac.Factorize(heff); err != nil {
			return err
		}
		sl.w, sl.v = sl.jac.Values(), sl.jac.Vectors()
	} else {
		w, v, err := linalg.EigHermitian(heff)
		if err != nil {
			return err
		}
		sl.w, sl.v = w, v
	}
	w, v := sl.w, sl.v
	sl.vh.ConjTranspose(v)
	d := len(w)
	sl.s.Copy(v)
	for j, l := range w {
		ph := cmplx.Exp(complex(0, -e.dt*l))
		for i := range d {
			sl.s.Data[i*d+j] *= ph
		}
	}
	return sl.u.Mul(&sl.s, &sl.vh)
}

// buildOpen: A = Δt·B₁ (midpoint) or (Δt/2)(B₁+B₂) + (√3Δt²/12)[B₂, B₁],
// U = exp(A) by linalg.Expm.
func (e *Evaluator) buildOpen(sl *sliceState) error {
	a := sl.a
	if len(e.nodes) == 2 {
		commutator(a, &sl.s, sl.h[1], sl.h[0])
		c := complex(e.magnusC(), 0)
		h := complex(e.dt/2, 0)
		for i, x := range a.Data {
			a.Data[i] = c*x + h*(sl.h[0].Data[i]+sl.h[1].Data[i])
		}
	} else {
		a.Scale(complex(e.dt, 0), sl.h[0])
	}
	u, _, err := expGeneral(a, nil)
	if err != nil {
		return err
	}
	sl.u = *u
	return nil
}

// expGeneral returns exp(a) and, when m is non-nil, the Fréchet derivative
// L(a, m) (linalg.Expm / linalg.ExpmFrechet: scaling and squaring with Padé
// approximants, Higham 2005; Al-Mohy & Higham 2009).
func expGeneral(a, m *linalg.Matrix) (x, l *linalg.Matrix, err error) {
	if m == nil {
		x, err = linalg.Expm(a)
		return x, nil, err
	}
	return linalg.ExpmFrechet(a, m)
}

// sliceGradient turns M_n into ∂J/∂v for every term at slice n's nodes.
// With A_n the exponent, Γ_A = L(A_n, M_n) (the Fréchet derivative of exp
// at A_n in direction M_n) satisfies dJ = Re Tr(M_n·dU_n) = Re Tr(Γ_A·dA_n)
// because Tr(M·L(A, E)) = Tr(L(A, M)·E); the chain through A_n's
// dependence on the node operators gives R_q, and ∂J/∂v_j = Re Tr(R_q·K_j).
func (e *Evaluator) sliceGradient(ws *workspace, n int) error {
	sl := &ws.sl[n]
	var gA *linalg.Matrix
	if e.open {
		_, l, err := expGeneral(sl.a, &sl.m)
		if err != nil {
			return err
		}
		gA = l
	} else {
		gA = e.frechetHermitian(sl)
	}
	q := len(e.nodes)
	if q == 1 {
		// A = −iΔt·H (closed) or Δt·B (open).
		scale := complex(e.dt, 0)
		if !e.open {
			scale = complex(0, -e.dt)
		}
		sl.r[0].Scale(scale, gA)
	} else {
		e.magnusChain(sl, gA)
	}
	for k := range q {
		for j, t := range e.terms {
			ws.g[j][n*q+k] = real(t.op.traceWith(sl.r[k]))
		}
	}
	return nil
}

// frechetHermitian returns L(A, M) for A = −iΔt·H_eff = V·diag(μ)·V† by
// the Daleckii–Krein formula V·(F ∘ V†MV)·V†, with the divided differences
// of exp F_ab = (e^{μa} − e^{μb})/(μa − μb) = e^{−iΔt(λa+λb)/2}·
// sinc(Δt(λa−λb)/2), stable for close eigenvalues.
func (e *Evaluator) frechetHermitian(sl *sliceState) *linalg.Matrix {
	d := len(sl.w)
	_ = sl.s.Mul(&sl.m, sl.v)
	_ = sl.t.Mul(&sl.vh, &sl.s)
	for a := range d {
		for b := range d {
			x := e.dt * (sl.w[a] - sl.w[b]) / 2
			sinc := 1.0
			if x != 0 {
				sinc = math.Sin(x) / x
			}
			f := cmplx.Exp(complex(0, -e.dt*(sl.w[a]+sl.w[b])/2)) * complex(sinc, 0)
			sl.t.Data[a*d+b] *= f
		}
	}
	_ = sl.s.Mul(sl.v, &sl.t)
	_ = sl.t.Mul(&sl.s, &sl.vh)
	return &sl.t
}

// magnusChain maps Γ_A to the node gradients of the Magnus exponent
// A = (Δt/2)(B₁+B₂) + c[B₂, B₁], c = √3Δt²/12:
// Γ₁ = (Δt/2)Γ_A + c(Γ_A B₂ − B₂ Γ_A), Γ₂ = (Δt/2)Γ_A + c(B₁ Γ_A − Γ_A B₁).
// For closed systems B = −iH, so R_q = −iΓ_q in terms of H:
// R₁ = −i(Δt/2)Γ_A − c(Γ_A H₂ − H₂ Γ_A), R₂ = −i(Δt/2)Γ_A − c(H₁ Γ_A − Γ_A H₁).
func (e *Evaluator) magnusChain(sl *sliceState, gA *linalg.Matrix) {
	c := complex(e.magnusC(), 0)
	half := complex(e.dt/2, 0)
	if !e.open {
		c, half = -c, complex(0, -e.dt/2)
	}
	g := gA.Clone()
	commutator(sl.r[0], &sl.s, g, sl.h[1])
	commutator(sl.r[1], &sl.s, sl.h[0], g)
	for k := range 2 {
		r := sl.r[k]
		for i, x := range r.Data {
			r.Data[i] = c*x + half*g.Data[i]
		}
	}
}
