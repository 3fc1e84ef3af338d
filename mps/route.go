package mps

import "sort"

// route plans how a gate on the distinct qubits qs reaches consecutive
// sites: the window start w, so that the gate acts on sites w … w+k−1,
// and the adjacent swaps that bring its qubits there, each given by the
// left site j of the pair (j, j+1). The qubits keep their relative order:
// order[t] is the index in qs of the qubit that ends on site w+t.
//
// The window minimises the number of swaps: qubit t (in site order), at
// site p_t, travels |p_t − t − w| sites, which a median of p_t − t makes
// least. Qubits moving left are brought in from the left end, qubits moving
// right from the right end, so no gate qubit has to pass another.
func route(qs []int) (w int, swaps []int, order []int) {
	k := len(qs)
	order = make([]int, k)
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(a, b int) bool { return qs[order[a]] < qs[order[b]] })
	off := make([]int, k) // p_t − t, non-decreasing in t
	for t, i := range order {
		off[t] = qs[i] - t
	}
	w = off[k/2]
	for t := range k {
		for j := qs[order[t]]; j > w+t; j-- { // move left
			swaps = append(swaps, j-1)
		}
	}
	for t := k - 1; t >= 0; t-- {
		for j := qs[order[t]]; j < w+t; j++ { // move right
			swaps = append(swaps, j)
		}
	}
	return w, swaps, order
}

// toSiteOrder rewrites the 2^k × 2^k gate matrix m, whose index has bit j
// for qubit qs[j], into the index Σ_t s_t·2^{k−1−t} of the window's sites
// (the first site most significant, the layout of a contracted block), site
// t holding qubit qs[order[t]].
func toSiteOrder(m []complex128, order []int) []complex128 {
	k := len(order)
	dim := 1 << k
	perm := make([]int, dim)
	for ms := range dim {
		g := 0
		for t, j := range order {
			if ms>>(k-1-t)&1 == 1 {
				g |= 1 << j
			}
		}
		perm[ms] = g
	}
	out := make([]complex128, dim*dim)
	for r := range dim {
		for c := range dim {
			out[r*dim+c] = m[perm[r]*dim+perm[c]]
		}
	}
	return out
}
