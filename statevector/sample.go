package statevector

import (
	"math/rand/v2"
	"slices"
	"strings"
)

// Sample draws shots basis indices with the Born probabilities |a_i|², in
// one pass over the state: it sorts shots uniform numbers and walks the
// cumulative distribution once, so the cost is O(2^n + shots·log shots)
// rather than a pass per shot. The indices come back in increasing order
// (shuffle them if the order matters). The state is assumed normalised;
// draws beyond a total probability slightly below 1 go to the last index
// with nonzero probability. shots ≤ 0 or a nil rng give nil.
func (s *State) Sample(shots int, rng *rand.Rand) []int {
	if shots <= 0 || rng == nil {
		return nil
	}
	u := make([]float64, shots)
	for j := range u {
		u[j] = rng.Float64()
	}
	slices.Sort(u)
	if s.single {
		return sampleSorted(floatView32(s.amp64), u)
	}
	return sampleSorted(floatView(s.amp), u)
}

// sampleSorted returns, for each of the sorted uniform numbers u, the first
// basis index whose cumulative probability exceeds it, in one pass over
// the interleaved amplitudes a.
func sampleSorted[F float](a []F, u []float64) []int {
	shots := len(u)
	out := make([]int, shots)
	cum, j, last := 0.0, 0, 0
	for i := 0; 2*i+1 < len(a); i++ {
		re, im := float64(a[2*i]), float64(a[2*i+1])
		p := re*re + im*im
		if p == 0 {
			continue
		}
		last = i
		cum += p
		for j < shots && u[j] < cum {
			out[j] = i
			j++
		}
		if j == shots {
			break
		}
	}
	for ; j < shots; j++ {
		out[j] = last
	}
	return out
}

// MarginalCounts tallies sampled basis indices by the values of the listed
// qubits only: the key is a bitstring with qubits[0] rightmost, so
// MarginalCounts(samples, []int{0, 1}) keys "10" for qubit 1 = 1, qubit 0 = 0.
// Qubits outside [0, 63) read 0.
func MarginalCounts(samples []int, qubits []int) map[string]int {
	counts := make(map[string]int)
	key := make([]byte, len(qubits))
	for _, v := range samples {
		for j, q := range qubits {
			key[len(qubits)-1-j] = '0' + byte(bit(v, q))
		}
		counts[string(key)]++
	}
	return counts
}

// Bitstring writes the low n bits of index i with bit 0 rightmost, the way
// a basis state |q_{n−1} … q_1 q_0⟩ is printed.
func Bitstring(i, n int) string {
	var sb strings.Builder
	sb.Grow(n)
	for q := n - 1; q >= 0; q-- {
		sb.WriteByte('0' + byte(bit(i, q)))
	}
	return sb.String()
}

// bit returns bit q of i, 0 for q outside [0, 63).
func bit(i, q int) int {
	if q < 0 || q >= 63 {
		return 0
	}
	return i >> q & 1
}
