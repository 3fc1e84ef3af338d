package statevector

import (
	"fmt"
	"math/bits"

	"github.com/qmlgo/qml/circuit"
)

// ExpectationGradient runs c under b, evaluates e_k = ⟨obs_k⟩, asks
// cotangent(e) for weights w_k, and returns e with the gradient of
// Σ_k w_k·e_k with respect to every weight and input of b, by the adjoint
// method (Jones & Gacon, arXiv:2009.02823): one forward run, then one
// backward sweep that carries |ψ_l⟩ = U_l…U_1|0⟩ and |λ_l⟩ =
// U_{l+1}†…U_L†·(Σ_k w_k O_k)|ψ_L⟩ down the circuit. Each angle θ of op l
// contributes ∂/∂θ = 2·Re⟨λ_l|∂U_l/∂θ|ψ_{l−1}⟩, and affine angles pass it on
// to their weights and inputs by their coefficients. The cost is two state
// vectors and about three passes per gate plus one read per angle,
// whatever the number of parameters. It implements vqc.Differentiator.
func (sim *Simulator) ExpectationGradient(c *circuit.Circuit, b circuit.Binding, obs []circuit.Observable,
	cotangent func(e []float64) ([]float64, error)) (e, gradWeights, gradInputs []float64, err error) {
	if c == nil {
		return nil, nil, nil, fmt.Errorf("statevector: nil circuit")
	}
	psi, err := sim.state(c.NumQubits, Double)
	if err != nil {
		return nil, nil, nil, err
	}
	defer sim.pool.Put(psi)
	opts := sim.Options
	opts.Precision = Double
	if err := psi.RunWith(c, b, opts); err != nil {
		return nil, nil, nil, err
	}
	if e, err = psi.Expectations(obs); err != nil {
		return nil, nil, nil, err
	}
	w, err := cotangent(e)
	if err != nil {
		return nil, nil, nil, err
	}
	if len(w) != len(obs) {
		return nil, nil, nil, fmt.Errorf("statevector: cotangent has %d weights for %d observables", len(w), len(obs))
	}
	lam, err := sim.state(c.NumQubits, Double)
	if err != nil {
		return nil, nil, nil, err
	}
	defer sim.pool.Put(lam)
	psi.applyObservables(obs, w, lam.amp)

	gradWeights, gradInputs = make([]float64, len(b.Weights)), make([]float64, len(b.Inputs))
	var k kernel
	var angles []float64
	var sw derivSandwich
	var one backwardOne
	for i := len(c.Ops) - 1; i >= 0; i-- {
		op := &c.Ops[i]
		if op.Kind == circuit.BarrierOp {
			continue
		}
		if op.Gate != nil && op.Gate.TargetQubits() == 1 {
			// One target qubit: uncompute both states and take every
			// angle's derivative in one fused pass.
			angles = evalAngles(op, b, angles)
			grads := one.run(op, angles, psi.amp, lam.amp)
			distribute(op, grads, gradWeights, gradInputs)
			continue
		}
		// ψ_{l−1} = U_l†ψ_l.
		angles = compileAdjoint(op, b, &k, angles)
		k.applyTo(psi)
		for j, p := range op.Params {
			if p.IsConst() {
				continue
			}
			sw.set(op, op.Gate.Derivative(angles, j))
			g := 2 * real(sw.eval(lam.amp, psi.amp))
			addToSymbols(p, g, gradWeights, gradInputs)
		}
		// λ_{l−1} = U_l†λ_l.
		k.applyTo(lam)
	}
	k.big = nil
	return e, gradWeights, gradInputs, nil
}

// compileAdjoint compiles U† of a gate op that passed checkGate (Run checked
// it), and returns the op's angles in buf.
func compileAdjoint(op *circuit.Op, b circuit.Binding, k *kernel, buf []float64) []float64 {
	if op.Gate == nil {
		k.setQubits(op.Qubits, 0)
		k.setDense(circuit.Dagger(op.Unitary), op.Qubits)
		return buf
	}
	buf = evalAngles(op, b, buf)
	k.tbuf = op.Gate.TargetMatrixTo(k.tbuf, buf)
	daggerInPlace(k.tbuf)
	compileTarget(op, k.tbuf, k)
	return buf
}

// daggerInPlace replaces the square row-major matrix m by its conjugate transpose.
func daggerInPlace(m []complex128) {
	d := 1
	for d*d < len(m) {
		d++
	}
	for r := 0; r < d; r++ {
		m[r*d+r] = conj(m[r*d+r])
		for c := r + 1; c < d; c++ {
			m[r*d+c], m[c*d+r] = conj(m[c*d+r]), conj(m[r*d+c])
		}
	}
}

// evalAngles evaluates the angles of op under b into buf.
func evalAngles(op *circuit.Op, b circuit.Binding, buf []float64) []float64 {
	buf = buf[:0]
	for _, p := range op.Params {
		buf = append(buf, p.Value(b))
	}
	return buf
}

// addToSymbols passes the derivative g with respect to angle p on to the
// weights and inputs of p by their coefficients (the chain rule of an
// affine angle).
func addToSymbols(p circuit.Param, g float64, gradWeights, gradInputs []float64) {
	for _, t := range p.Terms {
		if t.Kind == circuit.WeightSymbol {
			gradWeights[t.Index] += t.Coef * g
		} else {
			gradInputs[t.Index] += t.Coef * g
		}
	}
}

// distribute adds the angle derivatives grads of op to the symbols.
func distribute(op *circuit.Op, grads []float64, gradWeights, gradInputs []float64) {
	for j, p := range op.Params {
		if !p.IsConst() {
			addToSymbols(p, grads[j], gradWeights, gradInputs)
		}
	}
}

// backwardOne is the fused backward step for a gate with one target qubit
// (any number of controls). In one pass over the controlled subspace it
// reads the pairs of ψ_l and λ_l, accumulates the four overlaps
// S_rc = Σ conj(λ_l[r])·ψ_l[c] of the pair components, and writes back
// U†ψ_l and U†λ_l. Every angle's derivative then follows from S alone:
// ⟨λ_l|∂U/∂θ_j|ψ_{l−1}⟩ = ⟨λ_l|(∂U/∂θ_j)U†|ψ_l⟩ = Σ_rc D_j[r][c]·S_rc with
// D_j the target block of (∂U/∂θ_j)U†. The pass moves the same bytes as
// applying U† to both states, so the derivatives come almost free.
type backwardOne struct {
	k     kernel // positions and control mask
	grads []float64
	t, dt [4]complex128   // the target matrix and one derivative
	u     [4]complex128   // U† on the target
	d     [][4]complex128 // D_j per angle
	parts [][4]complex128 // overlaps per goroutine piece
}

func (w *backwardOne) run(op *circuit.Op, angles []float64, psi, lam []complex128) []float64 {
	g := op.Gate
	w.k.setQubits(op.Qubits, g.Controls)
	o := 1 << op.Qubits[g.Controls]
	t, dt := w.t[:], w.dt[:] // fields, not locals: a slice handed to a gate's function escapes
	g.TargetMatrixTo(t, angles)
	w.u = [4]complex128{conj(t[0]), conj(t[2]), conj(t[1]), conj(t[3])} // U† on the target
	u := w.u
	// D_j = ∂U/∂θ_j·U† on the target block (rows and columns with every
	// control 1; elsewhere the derivative of a controlled gate vanishes).
	w.d = w.d[:0]
	realD := true
	for j := range angles {
		g.TargetDerivativeTo(dt, angles, j)
		d00, d01, d10, d11 := dt[0], dt[1], dt[2], dt[3]
		D := [4]complex128{d00*u[0] + d01*u[2], d00*u[1] + d01*u[3], d10*u[0] + d11*u[2], d10*u[1] + d11*u[3]}
		realD = realD && isReal(D[:])
		w.d = append(w.d, D)
	}
	kind := denseLoop
	switch {
	case u[1] == 0 && u[2] == 0:
		kind = diagLoop
	case realD && isReal(u[:]) && offDiagonal(w.d):
		kind = realOffLoop
	case realD && isReal(u[:]):
		kind = realLoop
	}
	total := len(psi) >> w.k.npos
	if p := workers(len(psi), total); p > 1 {
		w.parts = append(w.parts[:0], make([][4]complex128, p)...)
		parallelFor(p, total, func(piece, lo, hi int) { w.parts[piece] = w.loop(kind, psi, lam, w.u, o, lo, hi) })
	} else {
		w.parts = append(w.parts[:0], w.loop(kind, psi, lam, u, o, 0, total))
	}
	var S [4]complex128
	for _, part := range w.parts {
		for r := range S {
			S[r] += part[r]
		}
	}
	w.grads = w.grads[:0]
	for _, D := range w.d {
		var v complex128
		for r := range D {
			v += D[r] * S[r]
		}
		w.grads = append(w.grads, 2*real(v))
	}
	return w.grads
}

// The fused loops, from the most special to the general one.
const (
	diagLoop = iota
	realOffLoop
	realLoop
	denseLoop
)

// loop runs the fused loop of the given kind over the bases [lo, hi) and
// returns the overlaps S.
func (w *backwardOne) loop(kind int, psi, lam []complex128, u [4]complex128, o, lo, hi int) [4]complex128 {
	switch kind {
	case diagLoop:
		return w.diagRange(psi, lam, u, o, lo, hi)
	case realOffLoop:
		return w.realOffRange(psi, lam, u, o, lo, hi)
	case realLoop:
		return w.realRange(psi, lam, u, o, lo, hi)
	}
	return w.denseRange(psi, lam, u, o, lo, hi)
}

// The fused loops walk the pairs (i0, i1 = i0|o) of the controlled
// subspace in runs: the bases below the gate's lowest qubit are
// consecutive, so each run is four contiguous slices (ψ and λ at i0 and
// at i1) swept without index arithmetic, adding the overlaps in the same
// order as one base at a time.

// pairRun returns the end of the run of bases that starts at count i
// (capped at hi) and its four slices.
func (w *backwardOne) pairRun(psi, lam []complex128, o, i, hi int) (end int, p0, p1, l0, l1 []complex128) {
	end = runEnd(i, w.k.lows[0], hi)
	b := expand(i, w.k.lows[:w.k.npos]) | w.k.cmask
	n := end - i
	return end, psi[b : b+n], psi[b|o : (b|o)+n], lam[b : b+n], lam[b|o : (b|o)+n]
}

// realOffRange is realRange when every D_j is off-diagonal (ry, cry:
// ∂U·U† = −iY/2), so only S01 and S10 are needed.
func (w *backwardOne) realOffRange(psi, lam []complex128, u [4]complex128, o, lo, hi int) [4]complex128 {
	u0, u1, u2, u3 := real(u[0]), real(u[1]), real(u[2]), real(u[3])
	var r01, r10 float64
	for i := lo; i < hi; {
		var p0, p1, l0, l1 []complex128
		i, p0, p1, l0, l1 = w.pairRun(psi, lam, o, i, hi)
		p1, l0, l1 = p1[:len(p0)], l0[:len(p0)], l1[:len(p0)]
		for j := range p0 {
			a0r, a0i, a1r, a1i := real(p0[j]), imag(p0[j]), real(p1[j]), imag(p1[j])
			l0r, l0i, l1r, l1i := real(l0[j]), imag(l0[j]), real(l1[j]), imag(l1[j])
			r01 += l0r*a1r + l0i*a1i
			r10 += l1r*a0r + l1i*a0i
			p0[j] = complex(u0*a0r+u1*a1r, u0*a0i+u1*a1i)
			p1[j] = complex(u2*a0r+u3*a1r, u2*a0i+u3*a1i)
			l0[j] = complex(u0*l0r+u1*l1r, u0*l0i+u1*l1i)
			l1[j] = complex(u2*l0r+u3*l1r, u2*l0i+u3*l1i)
		}
	}
	return [4]complex128{0, complex(r01, 0), complex(r10, 0), 0}
}

func offDiagonal(d [][4]complex128) bool {
	for _, D := range d {
		if D[0] != 0 || D[3] != 0 {
			return false
		}
	}
	return true
}

// realRange is the fused loop for a real U† and real derivative blocks
// (ry, cry): the gradient 2·Re Σ D_rc·S_rc then needs only the real parts of
// the overlaps, four accumulators that stay in registers.
func (w *backwardOne) realRange(psi, lam []complex128, u [4]complex128, o, lo, hi int) [4]complex128 {
	u0, u1, u2, u3 := real(u[0]), real(u[1]), real(u[2]), real(u[3])
	var r00, r01, r10, r11 float64
	for i := lo; i < hi; {
		var p0, p1, l0, l1 []complex128
		i, p0, p1, l0, l1 = w.pairRun(psi, lam, o, i, hi)
		p1, l0, l1 = p1[:len(p0)], l0[:len(p0)], l1[:len(p0)]
		for j := range p0 {
			a0r, a0i, a1r, a1i := real(p0[j]), imag(p0[j]), real(p1[j]), imag(p1[j])
			l0r, l0i, l1r, l1i := real(l0[j]), imag(l0[j]), real(l1[j]), imag(l1[j])
			r00 += l0r*a0r + l0i*a0i
			r01 += l0r*a1r + l0i*a1i
			r10 += l1r*a0r + l1i*a0i
			r11 += l1r*a1r + l1i*a1i
			p0[j] = complex(u0*a0r+u1*a1r, u0*a0i+u1*a1i)
			p1[j] = complex(u2*a0r+u3*a1r, u2*a0i+u3*a1i)
			l0[j] = complex(u0*l0r+u1*l1r, u0*l0i+u1*l1i)
			l1[j] = complex(u2*l0r+u3*l1r, u2*l0i+u3*l1i)
		}
	}
	return [4]complex128{complex(r00, 0), complex(r01, 0), complex(r10, 0), complex(r11, 0)}
}

// denseRange is the fused loop over the bases numbered [lo, hi) for a
// general 2×2 U†; it returns the overlaps S00, S01, S10, S11.
func (w *backwardOne) denseRange(psi, lam []complex128, u [4]complex128, o, lo, hi int) [4]complex128 {
	var s00, s01, s10, s11 complex128
	for i := lo; i < hi; {
		var p0, p1, l0, l1 []complex128
		i, p0, p1, l0, l1 = w.pairRun(psi, lam, o, i, hi)
		p1, l0, l1 = p1[:len(p0)], l0[:len(p0)], l1[:len(p0)]
		for j := range p0 {
			a0, a1 := p0[j], p1[j]
			m0, m1 := l0[j], l1[j]
			c0, c1 := conj(m0), conj(m1)
			s00 += c0 * a0
			s01 += c0 * a1
			s10 += c1 * a0
			s11 += c1 * a1
			p0[j], p1[j] = u[0]*a0+u[1]*a1, u[2]*a0+u[3]*a1
			l0[j], l1[j] = u[0]*m0+u[1]*m1, u[2]*m0+u[3]*m1
		}
	}
	return [4]complex128{s00, s01, s10, s11}
}

// diagRange is denseRange for a diagonal U† (rz, p, crz, cp): the pair does
// not mix and only S00 and S11 are needed.
func (w *backwardOne) diagRange(psi, lam []complex128, u [4]complex128, o, lo, hi int) [4]complex128 {
	var s00, s11 complex128
	for i := lo; i < hi; {
		var p0, p1, l0, l1 []complex128
		i, p0, p1, l0, l1 = w.pairRun(psi, lam, o, i, hi)
		p1, l0, l1 = p1[:len(p0)], l0[:len(p0)], l1[:len(p0)]
		for j := range p0 {
			a0, a1 := p0[j], p1[j]
			m0, m1 := l0[j], l1[j]
			s00 += conj(m0) * a0
			s11 += conj(m1) * a1
			p0[j], p1[j] = u[0]*a0, u[3]*a1
			l0[j], l1[j] = u[0]*m0, u[3]*m1
		}
	}
	return [4]complex128{s00, 0, 0, s11}
}

func isReal(m []complex128) bool {
	for _, v := range m {
		if imag(v) != 0 {
			return false
		}
	}
	return true
}

// applyObservables writes (Σ_k w_k O_k)|ψ⟩ into dst, each Pauli string
// moving amplitude i to i ⊕ flip with its phase (see pauliString).
func (s *State) applyObservables(obs []circuit.Observable, w []float64, dst []complex128) {
	var terms []pauliString
	for k, o := range obs {
		for _, t := range o.Terms {
			p := compilePauli(t, k)
			p.coef *= w[k]
			terms = append(terms, p)
		}
	}
	a := s.amp
	parallelFor(workers(len(a), len(a)), len(a), func(_, lo, hi int) {
		for j := lo; j < hi; j++ {
			var v complex128
			for _, t := range terms {
				i := j ^ t.flip
				c := complex(t.coef, 0) * iPower(t.ny)
				if bits.OnesCount(uint(i&t.sign))&1 == 1 {
					c = -c
				}
				v += c * a[i]
			}
			dst[j] = v
		}
	})
}

// derivSandwich evaluates ⟨λ|M|ψ⟩ for the derivative M of a gate with
// several target qubits: the target block of M where every control is 1
// (elsewhere a derivative of a controlled gate vanishes), visiting only the
// controlled subspace.
type derivSandwich struct {
	k    kernel       // positions and control mask
	t    []complex128 // target block, row-major
	offs []int        // register offset of each local target state
}

// set prepares the sandwich for op with full-gate matrix m (controls first,
// the first listed qubit least significant).
func (sw *derivSandwich) set(op *circuit.Op, m []complex128) {
	controls := op.Gate.Controls
	sw.k.setQubits(op.Qubits, controls)
	targets := op.Qubits[controls:]
	dim, tdim := 1<<len(op.Qubits), 1<<len(targets)
	cm := 1<<controls - 1
	sw.t = sw.t[:0]
	for r := 0; r < tdim; r++ {
		for c := 0; c < tdim; c++ {
			sw.t = append(sw.t, m[(r<<controls|cm)*dim+(c<<controls|cm)])
		}
	}
	sw.offs = sw.offs[:0]
	for j := 0; j < tdim; j++ {
		sw.offs = append(sw.offs, localOffset(j, targets))
	}
}

// eval returns ⟨λ|M|ψ⟩, split over goroutines on large states with the
// partial sums added in piece order (deterministic).
func (sw *derivSandwich) eval(lam, psi []complex128) complex128 {
	total := len(psi) >> sw.k.npos
	p := workers(len(psi), total)
	parts := make([]complex128, p)
	parallelFor(p, total, func(w, lo, hi int) { parts[w] = sw.evalRange(lam, psi, lo, hi) })
	var sum complex128
	for _, v := range parts {
		sum += v
	}
	return sum
}

func (sw *derivSandwich) evalRange(lam, psi []complex128, lo, hi int) complex128 {
	lows := sw.k.lows[:sw.k.npos]
	cmask := sw.k.cmask
	d := len(sw.offs)
	var acc complex128
	for i := lo; i < hi; i++ {
		base := expand(i, lows) | cmask
		for r := 0; r < d; r++ {
			var row complex128
			for c := 0; c < d; c++ {
				row += sw.t[r*d+c] * psi[base|sw.offs[c]]
			}
			acc += conj(lam[base|sw.offs[r]]) * row
		}
	}
	return acc
}

func conj(z complex128) complex128 { return complex(real(z), -imag(z)) }
