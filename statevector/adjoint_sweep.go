package statevector

import (
	"math/cmplx"
	"slices"
	"sync"

	"github.com/qmlgo/qml/circuit"
)

// adjointSweep is the backward sweep of the adjoint method (see
// ExpectationGradient) compiled like a forward program: the ops, last
// first, are grouped into stages that act inside one block of qubits, and
// each stage runs block by block over ψ and λ together, so that a stage
// costs one pass over the two states and its gates run in cache with the
// same kernels (and SIMD loops) as the forward pass.
//
// A step's derivatives need only the overlaps S_rc = Σ conj(λ_l[r])·ψ_l[c]
// of the local states r, c of its targets (the sum runs over the
// controlled subspace), taken before U† is applied:
// ⟨λ_l|∂U/∂θ_j|ψ_{l−1}⟩ = ⟨λ_l|(∂U/∂θ_j)U†|ψ_l⟩ = Σ_rc D_j[r][c]·S_rc, with
// D_j the target block of (∂U/∂θ_j)U† (outside it the derivative of a
// controlled gate vanishes). The derivative 2·Re Σ D·S = 2·Σ (Re D·Re S −
// Im D·Im S) needs only the parts of S where D has a non-zero part: for
// the rotations one real number per overlap (ry: Re S01, Re S10; rz:
// Im S00, Im S11; rx: Im S01, Im S10). The overlaps add up over blocks,
// so each block's share is accumulated per piece of the parallel loop and
// the pieces are added in order: the result does not depend on
// scheduling.
//
// Where the SIMD loops run, a run of one-qubit ops on one qubit (ry·rz of
// a hardware-efficient layer) is one step: its U† is the product of theirs,
// applied once to each state, and all its derivatives come from the four
// overlaps at the top of the run, read in one pass (see fuseRun).
//
// Reordering gates between stages is safe: a stage only moves a gate
// across gates on other qubits, which commute with it and with the
// projectors |c⟩⟨r| of its overlaps.
type adjointSweep struct {
	steps   []gradStep
	pending []int // steps not yet placed in a stage
	last    []int // per qubit, the step that last touched it (−1: none)
	local   []int
	acc     []float64 // overlap parts: pieces × the stage's slots
	angles  []float64
	u, dt   []complex128
	need    []bool // which overlap parts a step's D_j need: 2·(r·dim+c) + (1 for Im)
}

// gradStep is one step of the backward sweep: one gate op, or a run of
// one-qubit ops on one qubit fused into one U†.
type gradStep struct {
	ops  []*circuit.Op // in sweep order (the circuit's last first)
	mask int           // the ops' qubits as bits
	dim  int           // size of the target matrices
	inv  []complex128  // U† on the targets: the product of the ops' adjoints
	k    kernel        // inv compiled onto the current stage's block
	// d holds, per angle of the ops (in order), the matrix D_j that gives
	// its derivative from the overlaps S at the top of the step,
	// 2·Re Σ D_j[r][c]·S_rc (dim² entries, row-major); parts the overlap
	// parts any D_j needs, each 2·(r·dim+c) + (1 for the imaginary part),
	// real parts first, each kind padded to an even count by repeating
	// its last (dot2 takes two parts of one kind at a time; a padding part
	// has coefficient 0); offs the block offsets of each part's λ and ψ
	// states.
	d     []complex128
	parts []int
	pad   []bool // parts[i] is padding
	offs  []int
	slot  int // first accumulator of the step in a piece's slots
}

var sweeps sync.Pool

// newAdjointSweep returns a sweep, reusing the memory of an earlier one.
func newAdjointSweep() *adjointSweep {
	if sw, ok := sweeps.Get().(*adjointSweep); ok {
		return sw
	}
	return &adjointSweep{}
}

// run carries ψ_L and λ_L = (Σ w_k O_k)ψ_L down the gate ops of c (which
// passed checkGate) under b, ψ back to |0…0⟩, adding every trainable
// angle's derivative to gradWeights and gradInputs by the chain rule.
func (sw *adjointSweep) run(c *circuit.Circuit, b circuit.Binding, psi, lam []complex128, blockQubits int, gradWeights, gradInputs []float64) {
	n := c.NumQubits
	sw.steps, sw.pending = sw.steps[:0], sw.pending[:0]
	sw.last = append(sw.last[:0], make([]int, n)...)
	for q := range sw.last {
		sw.last[q] = -1
	}
	widest := 0
	for i := len(c.Ops) - 1; i >= 0; i-- {
		op := &c.Ops[i]
		if op.Kind == circuit.BarrierOp {
			continue
		}
		if j := sw.last[op.Qubits[0]]; fuseRun && j >= 0 && oneQubit(op) && oneQubit(sw.steps[j].ops[0]) {
			sw.absorb(&sw.steps[j], op, b) // nothing touched the qubit since step j
			continue
		}
		sw.pending = append(sw.pending, len(sw.steps))
		sw.absorb(sw.newStep(op), op, b)
		for _, q := range op.Qubits {
			sw.last[q] = len(sw.steps) - 1
		}
		widest = max(widest, len(op.Qubits))
	}
	for i := range sw.steps {
		sw.finish(&sw.steps[i])
	}
	bq := blockSize(n, blockQubits, widest)
	mask := func(i *int) int { return sw.steps[*i].mask }
	x, y := floatView(psi), floatView(lam)
	for len(sw.pending) > 0 {
		in, taken, left := splitStage(sw.pending, mask, n, bq)
		st := blockStage(in, n)
		slots := 0
		for _, i := range taken {
			s := &sw.steps[i]
			sw.local = s.place(&st, sw.local)
			s.slot = slots
			slots += len(s.parts)
		}
		pieces := st.pieces(len(psi))
		sw.acc = append(sw.acc[:0], make([]float64, pieces*slots)...)
		eachBlock(&st, pieces, x, y, func(piece int, p, l []float64) {
			acc := sw.acc[piece*slots : (piece+1)*slots]
			for _, i := range taken {
				s := &sw.steps[i]
				s.apply(p, l, acc[s.slot:s.slot+len(s.parts)])
			}
		})
		for _, i := range taken {
			sw.steps[i].distribute(sw.acc, slots, gradWeights, gradInputs)
		}
		sw.pending = append(sw.pending[:0], left...)
	}
}

// fuseRun reports whether runs of one-qubit ops become one step: where
// the SIMD loops run, applying one 2×2 matrix costs about what a rotation
// does and one pass reads all four overlaps (dot4SIMD) for little more
// than two parts cost, so a run of k ops costs about one op (an ry·rz
// pair in cache: about 0.9 ns per amplitude against 1.6 apart); the
// portable loops
// are bound by arithmetic and pay more for a dense matrix and four complex
// overlaps than for the real, diagonal and one-part forms of each
// rotation.
var fuseRun = simdEnabled

// oneQubit reports whether op acts on one qubit without controls.
func oneQubit(op *circuit.Op) bool { return len(op.Qubits) == 1 }

// newStep appends an empty step for op and returns it, reusing the memory
// of an earlier sweep's step.
func (sw *adjointSweep) newStep(op *circuit.Op) *gradStep {
	if len(sw.steps) < cap(sw.steps) {
		sw.steps = sw.steps[:len(sw.steps)+1]
	} else {
		sw.steps = append(sw.steps, gradStep{})
	}
	s := &sw.steps[len(sw.steps)-1]
	s.ops, s.mask, s.dim = s.ops[:0], 0, 1<<len(op.Qubits)
	if op.Gate != nil {
		s.dim = 1 << op.Gate.TargetQubits()
	}
	for _, q := range op.Qubits {
		s.mask |= 1 << q
	}
	s.d, s.inv = s.d[:0], s.inv[:0]
	return s
}

// absorb adds op under b to the bottom of step s: s.inv becomes U†·s.inv,
// and each angle θ_j of op gets D_j = W†·(∂U/∂θ_j)U†·W with W = s.inv
// before (the adjoints of the step's earlier ops), since the overlaps
// below them are S' = conj(W)·S·Wᵀ and Σ D·S' = Σ (W†DW)·S.
func (sw *adjointSweep) absorb(s *gradStep, op *circuit.Op, b circuit.Binding) {
	dim, dd := s.dim, s.dim*s.dim
	g := op.Gate
	if g == nil {
		sw.u = append(sw.u[:0], op.Unitary...)
	} else {
		sw.angles = evalAngles(op, b, sw.angles)
		sw.u = g.TargetMatrixTo(sw.u, sw.angles)
	}
	daggerInPlace(sw.u)
	first := len(s.ops) == 0
	s.ops = append(s.ops, op)
	start := len(s.d)
	s.d = slices.Grow(s.d, len(op.Params)*dd)[:start+len(op.Params)*dd]
	clear(s.d[start:])
	for j, p := range op.Params {
		if p.IsConst() {
			continue
		}
		sw.dt = g.TargetDerivativeTo(sw.dt, sw.angles, j)
		D := s.d[start+j*dd : start+(j+1)*dd]
		mulInto(D, sw.dt, sw.u, dim)
		if !first {
			conjugateBy(D, s.inv)
		}
	}
	if first {
		s.inv = append(s.inv[:0], sw.u...)
		return
	}
	var prod [4]complex128 // only one-qubit runs have several ops
	mulInto(prod[:], sw.u, s.inv, dim)
	copy(s.inv, prod[:])
}

// mulInto sets dst = a·b for dim × dim row-major matrices (dst distinct
// from a and b).
func mulInto(dst, a, b []complex128, dim int) {
	for r := range dim {
		for c := range dim {
			var v complex128
			for m := range dim {
				v += a[r*dim+m] * b[m*dim+c]
			}
			dst[r*dim+c] = v
		}
	}
}

// conjugateBy replaces the 2 × 2 matrix D by W†·D·W.
func conjugateBy(D, w []complex128) {
	var t, wd [4]complex128
	mulInto(t[:], D, w, 2)
	for r := range 2 {
		for c := range 2 {
			wd[r*2+c] = conj(w[c*2+r])
		}
	}
	mulInto(D, wd[:], t[:], 2)
}

// finish lists the overlap parts the step's D_j need and, for a lone
// uncontrolled diagonal gate, drops the phase of its U† (see unphase).
func (sw *adjointSweep) finish(s *gradStep) {
	dim, dd := s.dim, s.dim*s.dim
	if g := s.ops[0].Gate; len(s.ops) == 1 && g != nil && g.Diagonal && g.Controls == 0 {
		unphase(s.inv, dim)
	}
	s.parts, s.pad = s.parts[:0], s.pad[:0]
	if len(s.d) == 0 {
		return
	}
	sw.need = append(sw.need[:0], make([]bool, 2*dd)...)
	for j := 0; j < len(s.d); j += dd {
		for rc, v := range s.d[j : j+dd] {
			sw.need[2*rc] = sw.need[2*rc] || real(v) != 0
			sw.need[2*rc+1] = sw.need[2*rc+1] || imag(v) != 0
		}
	}
	for kind := range 2 {
		from := len(s.parts)
		for part := kind; part < len(sw.need); part += 2 {
			if sw.need[part] {
				s.parts = append(s.parts, part)
				s.pad = append(s.pad, false)
			}
		}
		if (len(s.parts)-from)%2 == 1 {
			s.parts = append(s.parts, s.parts[len(s.parts)-1])
			s.pad = append(s.pad, true)
		}
	}
}

// place compiles the step onto the block of st: U† into s.k and the block
// offsets of its overlaps. local is scratch memory, returned for reuse.
func (s *gradStep) place(st *stage, local []int) []int {
	op := s.ops[0]
	local = st.local(op.Qubits, local)
	controls := 0
	if g := op.Gate; g != nil && len(s.ops) == 1 {
		controls = g.Controls
		compileNamed(g, local, s.inv, &s.k)
	} else {
		s.k.setQubits(local, 0)
		s.k.setDense(s.inv, local)
	}
	if fuseRun && s.k.kind == kindDense1 && len(s.parts) > 4 {
		// All four overlaps, in the order dot4SIMD adds them: one pass
		// reads them all.
		s.parts = append(s.parts[:0], 0, 2, 4, 6, 1, 3, 5, 7)
		s.pad = append(s.pad[:0], make([]bool, 8)...)
	}
	targets := local[controls:]
	s.offs = s.offs[:0]
	for _, part := range s.parts {
		rc := part / 2
		s.offs = append(s.offs, localOffset(rc/s.dim, targets), localOffset(rc%s.dim, targets))
	}
	return local
}

// apply adds the step's overlaps on one block (interleaved ψ and λ) to
// acc and then applies U† to both. A dense one-target step that needs all
// four overlaps reads them in one pass where the SIMD loop takes it
// (dot4), else two parts at a time.
func (s *gradStep) apply(psi, lam []float64, acc []float64) {
	hi := (len(psi) / 2) >> s.k.npos
	if !(len(s.parts) == 8 && fuseRun && dot4SIMD(&s.k, lam, psi, acc, 0, hi)) {
		for q := 0; q < len(s.parts); q += 2 {
			s0, s1 := dot2(&s.k, lam, psi, (*[4]int)(s.offs[2*q:2*q+4]), s.parts[q]%2 == 1, 0, hi)
			acc[q] += s0
			acc[q+1] += s1
		}
	}
	if s.k.kind == kindDiag && s.k.nd == 0 { // the identity
		return
	}
	runKernel(&s.k, psi, 0, hi)
	runKernel(&s.k, lam, 0, hi)
}

// distribute adds up the step's overlaps over the pieces of acc (slots
// per piece), forms each angle's derivative 2·Re Σ D_j[r][c]·S_rc and
// passes it on to the weights and inputs.
func (s *gradStep) distribute(acc []float64, slots int, gradWeights, gradInputs []float64) {
	if len(s.parts) == 0 {
		return
	}
	dd := s.dim * s.dim
	j := 0
	for _, op := range s.ops {
		for _, p := range op.Params {
			D := s.d[j*dd : (j+1)*dd]
			j++
			if p.IsConst() {
				continue
			}
			var v float64
			for q, part := range s.parts {
				if s.pad[q] {
					continue
				}
				var S float64 // Re or Im S_rc, the pieces added in order
				for piece := s.slot + q; piece < len(acc); piece += slots {
					S += acc[piece]
				}
				if d := D[part/2]; part%2 == 0 {
					v += real(d) * S
				} else {
					v -= imag(d) * S
				}
			}
			addToSymbols(p, 2*v, gradWeights, gradInputs)
		}
	}
}

// unphase divides the diagonal dim × dim matrix m by the phase of its
// first entry, which becomes exactly 1, so that the diagonal kernel skips
// the amplitudes it would multiply (rz: half of them). The backward sweep
// applies U† to ψ and λ alike, so a global phase cancels in every overlap
// conj(λ)·ψ; a controlled gate's entries are relative to the identity
// elsewhere and keep their phase.
func unphase(m []complex128, dim int) {
	d0 := m[0]
	if d0 == 0 {
		return
	}
	c := conj(d0) / complex(cmplx.Abs(d0), 0)
	for j := 1; j < dim; j++ {
		m[j*dim+j] *= c
	}
	m[0] = 1
}
