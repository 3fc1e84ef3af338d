package density

import (
	"sync"

	"github.com/qmlgo/qml/circuit"
	"github.com/qmlgo/qml/statevector"
)

// A Pauli channel ρ → Σ_P p_P PρP† is sparse on the vectorised ρ. Write
// P|r⟩ = ω(r)|r ⊕ x⟩ with ω(r) = i^{#Y}(−1)^{|r ∧ s|}, x the qubits P
// flips and s those where it is Z or Y. Then
// (PρP†)[a][b] = ω(a⊕x)ω*(b⊕x)ρ[a⊕x][b⊕x] = (−1)^{|(a⊕x)∧s|+|(b⊕x)∧s|}ρ[a⊕x][b⊕x]:
// a real sign, and only 2^k of the 4^k local entries (one per flip pattern
// x) feed each output, against all 4^k for the dense superoperator. So
// depolarizing noise, the commonest, costs a quarter of a dense two-qubit
// channel and needs no complex multiplication.

// pauliSuperop applies a Pauli channel on k qubits of an n-qubit density
// matrix.
type pauliSuperop struct {
	offsets []int       // offsets[l]: local index l = a | b<<k placed on the vector's bits
	mask    int         // the 2k vector bits
	flips   []int       // local flip patterns x | x<<k, one per distinct x
	coef    [][]float64 // coef[j][l]: Σ_{P flipping flips[j]} p_P·sign_P(l), at the source index l
}

func newPauliSuperop(ch *circuit.Channel, qubits []int, n int) *pauliSuperop {
	k := ch.Qubits
	d := 1 << k
	ps := &pauliSuperop{offsets: make([]int, d*d)}
	for l := range ps.offsets {
		for j, q := range qubits {
			ps.offsets[l] |= (l >> j & 1) << q
			ps.offsets[l] |= (l >> (j + k) & 1) << (q + n)
		}
	}
	for _, q := range qubits {
		ps.mask |= 1<<q | 1<<(q+n)
	}
	index := map[int]int{}
	for _, br := range ch.Paulis {
		x, sMask := 0, 0
		for j := 0; j < len(br.Ops); j++ {
			switch br.Ops[j] {
			case 'X':
				x |= 1 << j
			case 'Y':
				x |= 1 << j
				sMask |= 1 << j
			case 'Z':
				sMask |= 1 << j
			}
		}
		f := x | x<<k
		j, ok := index[f]
		if !ok {
			j = len(ps.flips)
			index[f] = j
			ps.flips = append(ps.flips, f)
			ps.coef = append(ps.coef, make([]float64, d*d))
		}
		for l := range ps.coef[j] {
			a, b := l&(d-1), l>>k
			sign := 1.0
			if parity(a&sMask) != parity(b&sMask) {
				sign = -1
			}
			ps.coef[j][l] += br.Prob * sign
		}
	}
	return ps
}

// apply applies the channel to the vector in place.
func (ps *pauliSuperop) apply(v *statevector.State) {
	a := v.Amplitudes()
	size := len(a)
	chunks := 1
	if size >= statevector.ParallelThreshold {
		chunks = statevector.Threads()
	}
	var wg sync.WaitGroup
	per := (size + chunks - 1) / chunks
	for c := 0; c < chunks; c++ {
		lo, hi := c*per, min((c+1)*per, size)
		wg.Add(1)
		go func() {
			defer wg.Done()
			ps.applyRange(a, lo, hi)
		}()
	}
	wg.Wait()
}

// applyRange updates the groups whose base index (mask bits clear) lies in
// [lo, hi).
func (ps *pauliSuperop) applyRange(a []complex128, lo, hi int) {
	in := make([]complex128, len(ps.offsets))
	for base := lo; base < hi; base++ {
		if base&ps.mask != 0 {
			continue
		}
		for l, o := range ps.offsets {
			in[l] = a[base|o]
		}
		for l, o := range ps.offsets {
			var re, im float64
			for j, f := range ps.flips {
				src := l ^ f
				c := ps.coef[j][src]
				re += c * real(in[src])
				im += c * imag(in[src])
			}
			a[base|o] = complex(re, im)
		}
	}
}
