package statevector

import (
	"math/bits"
	"slices"
	"sync"

	"github.com/qmlgo/qml/circuit"
)

// A program is the gates of a circuit compiled for one register size:
// fused (fuse), then grouped into stages, each gate compiled into a kernel
// on its stage's block.
//
// A stage is a run of gates that all act inside one set S of qubits, |S| =
// B, chosen so that the 2^B amplitudes of a block (the indices that agree
// outside S) fit in a core's L2 cache. The stage applies all its gates to
// one block before moving to the next, so the whole run costs one pass
// over memory instead of one per gate — the cache blocking Qiskit Aer
// offers as its blocking_qubits option, done here by gathering each block
// into a contiguous buffer instead of swapping qubits. S always holds the low qubits 0…L−1, so a
// block is 2^(B−L) contiguous runs of 2^L amplitudes that stream from
// memory; when S is exactly 0…B−1 the block is contiguous and processed in
// place. Blocks are independent, so a stage is one parallel region: the
// workers share its blocks and meet once, at its end.
type program struct {
	stages []stage
}

// stage is one run of gates applied block by block.
type stage struct {
	// qubits lists the block's qubits ascending: local bit j of a block
	// index is register qubit qubits[j]. Nil: each kernel runs over the
	// whole register, one pass per gate (blocking off).
	qubits  []int
	lows    []int // expand masks of qubits, to place a block's base
	run     int   // qubits 0…run−1 are in the block: it is made of runs of 2^run amplitudes
	offs    []int // register offset of each run of a gathered block; nil when the block is contiguous
	kernels []kernel
}

// Block sizes: 2^15 double or 2^16 single amplitudes are 512 KiB, half
// the L2 cache of the machines this was tuned on, leaving room for the
// state streaming through.
const (
	blockQubitsDouble = 15
	blockQubitsSingle = 16
	// minRunQubits low qubits are in every block, so a gathered block is
	// read in runs of at least 2^minRunQubits amplitudes.
	minRunQubits = 4
)

// blockQubits returns the block size the options ask for: the default of
// their precision when BlockQubits is 0.
func (o Options) blockQubits() int {
	switch {
	case o.BlockQubits != 0:
		return o.BlockQubits
	case o.Precision == Single:
		return blockQubitsSingle
	}
	return blockQubitsDouble
}

// useProgram reports whether a circuit on n qubits runs as a compiled
// program. By default only states larger than a block do: a smaller state
// is one block already, in cache, and compiling (a few microseconds per
// gate) costs more than fusion saves. Explicit fusion or block sizes are
// honoured at any size.
func useProgram(n int, o Options) bool {
	switch {
	case o.Fusion > 0 || o.BlockQubits > 0:
		return true
	case o.BlockQubits < 0:
		return o.Fusion == FusionAuto && n > blockQubitsDouble
	}
	return n > o.blockQubits()
}

// compileProgram compiles the gate ops of ops (barriers stop fusion;
// every op is a gate or a barrier, checked by checkGate) for an n-qubit
// register.
func compileProgram(ops []circuit.Op, n int, b circuit.Binding, opts Options) *program {
	costs := costModel()
	// Fusion runs between barriers.
	var items []gateItem
	var segment []gateItem
	maxK, auto := opts.Fusion, opts.Fusion == FusionAuto
	if auto {
		maxK = MaxFusion
	}
	blockQubits := opts.blockQubits()
	pass := 0.0
	if blockQubits < 0 && n > blockQubitsDouble {
		pass = costs.pass
	}
	flush := func() {
		items = append(items, fuse(segment, maxK, auto, costs, pass)...)
		segment = segment[:0]
	}
	for i := range ops {
		op := &ops[i]
		if op.Kind == circuit.BarrierOp {
			flush()
			continue
		}
		segment = append(segment, newGateItem(op, b, costs))
	}
	flush()
	p := &program{}
	if blockQubits < 0 {
		st := stage{kernels: make([]kernel, len(items))}
		for i := range items {
			items[i].compile(items[i].qubits, &st.kernels[i])
		}
		p.stages = append(p.stages, st)
		return p
	}
	widest := 0
	for _, it := range items {
		widest = max(widest, len(it.qubits))
	}
	bq := blockSize(n, blockQubits, widest)
	for len(items) > 0 {
		in, taken, left := splitStage(items, itemMask, n, bq)
		p.stages = append(p.stages, newStage(in, taken, n))
		items = left
	}
	return p
}

// blockSize returns the block size, in qubits, for an n-qubit register:
// at most want, small enough that large registers split into at least two
// blocks per thread, and at least the widest gate plus the run qubits.
func blockSize(n, want, widest int) int {
	b := min(want, n)
	if 1<<n >= ParallelThreshold {
		if t := Threads(); t > 1 {
			b = min(b, n-bits.Len(uint(2*t-1)))
		}
	}
	return min(n, max(b, widest+minRunQubits))
}

// splitStage takes from items, in order, the gates that fit one block of
// bq qubits and returns the block's qubits (a mask), those gates and the
// gates left over, in order; mask gives the qubits of a gate as bits. A
// gate joins when its qubits fit the block (adding them if there is room)
// and none of them is held by an earlier gate left over; otherwise its
// qubits are held too, so that every qubit keeps its gates' order. The
// block always holds qubits 0…minRunQubits−1 and is filled up with the
// lowest free qubits, for long runs.
func splitStage[T any](items []T, mask func(*T) int, n, bq int) (in int, taken, left []T) {
	in = 1<<min(minRunQubits, bq) - 1
	held := 0
	for i := range items {
		m := mask(&items[i])
		if m&held == 0 && bits.OnesCount(uint(in|m)) <= bq {
			in |= m
			taken = append(taken, items[i])
			continue
		}
		held |= m
		left = append(left, items[i])
		if in&^held == 0 { // every qubit of the block is held: nothing more fits
			left = append(left, items[i+1:]...)
			break
		}
	}
	for q := 0; q < n && bits.OnesCount(uint(in)) < bq; q++ {
		in |= 1 << q
	}
	return in, taken, left
}

// itemMask is the mask of a gate item, for splitStage.
func itemMask(it *gateItem) int { return it.mask }

// blockStage returns the stage without kernels whose block is the qubits
// in (a mask of an n-qubit register).
func blockStage(in, n int) stage {
	st := stage{run: bits.TrailingZeros(^uint(in))}
	for q := range n {
		if in>>q&1 == 1 {
			st.qubits = append(st.qubits, q)
			st.lows = append(st.lows, 1<<q-1)
		}
	}
	if st.run < len(st.qubits) {
		high := st.qubits[st.run:]
		st.offs = make([]int, 1<<len(high))
		for r := range st.offs {
			for j, q := range high {
				st.offs[r] |= (r >> j & 1) << q
			}
		}
	}
	return st
}

// local returns the positions in the block of the register qubits, in
// dst's memory.
func (st *stage) local(qubits, dst []int) []int {
	dst = dst[:0]
	for _, q := range qubits {
		dst = append(dst, slices.Index(st.qubits, q))
	}
	return dst
}

// newStage compiles the gates onto the block of qubits in (a mask of an
// n-qubit register).
func newStage(in int, gates []gateItem, n int) stage {
	st := blockStage(in, n)
	st.kernels = make([]kernel, len(gates))
	local := make([]int, 0, MaxMatrixQubits)
	for i := range gates {
		local = st.local(gates[i].qubits, local)
		gates[i].compile(local, &st.kernels[i])
	}
	return st
}

// run applies the program to s.
func (p *program) run(s *State) {
	if s.single {
		runProgram(p, floatView32(s.amp64))
		return
	}
	runProgram(p, floatView(s.amp))
}

// runProgram applies the program to the interleaved amplitudes a.
func runProgram[F float](p *program, a []F) {
	for i := range p.stages {
		st := &p.stages[i]
		if st.qubits == nil {
			for j := range st.kernels {
				applyFloats(&st.kernels[j], a)
			}
			continue
		}
		runStage(st, a)
	}
}

// runStage applies a stage block by block, the blocks shared out over the
// worker pool. With the SIMD loops, two consecutive one-qubit gates that
// dense1Pair takes share one sweep over the block.
func runStage[F float](st *stage, a []F) {
	size := 1 << len(st.qubits)
	eachBlock(st, st.pieces(len(a)/2), a, nil, func(_ int, block, _ []F) {
		for j := 0; j < len(st.kernels); j++ {
			k := &st.kernels[j]
			switch {
			case k.kind == kindDiag && k.nd == 0:
			case simdEnabled && j+1 < len(st.kernels) && runPairSIMD(k, &st.kernels[j+1], block):
				j++ // two one-qubit gates in one sweep
			default:
				runKernel(k, block, 0, size>>k.npos)
			}
		}
	})
}

// pieces returns how many pieces the blocks of st in a register of size
// amplitudes are shared out in: more pieces than threads, so that a
// thread the machine's other work slows down takes fewer of them.
func (st *stage) pieces(size int) int {
	blocks := size >> len(st.qubits)
	if workers(size, blocks) > 1 {
		return min(blocks, 8*Threads())
	}
	return 1
}

// eachBlock calls fn(piece, x, y) on every block of st, x the block of the
// interleaved amplitudes a and y the same block of b (nil when b is nil),
// the blocks split into the given number of contiguous pieces over the
// worker pool. A contiguous block is handed over in place; a gathered one
// is copied into a buffer and back after fn.
func eachBlock[F float](st *stage, pieces int, a, b []F, fn func(piece int, x, y []F)) {
	bq := len(st.qubits)
	size := 1 << bq
	parallelFor(pieces, (len(a)/2)>>bq, func(piece, lo, hi int) {
		var bufA, bufB []F
		if st.offs != nil {
			bufA = getBlockBuffer[F](2 * size)
			defer putBlockBuffer(bufA)
			if b != nil {
				bufB = getBlockBuffer[F](2 * size)
				defer putBlockBuffer(bufB)
			}
		}
		for blk := lo; blk < hi; blk++ {
			base := expand(blk, st.lows)
			x := gather(st, a, base, bufA)
			var y []F
			if b != nil {
				y = gather(st, b, base, bufB)
			}
			fn(piece, x, y)
			scatter(st, a, base, bufA)
			if b != nil {
				scatter(st, b, base, bufB)
			}
		}
	})
}

// gather returns the block of st at base in a: in place when the block is
// contiguous (buf is nil), else copied into buf.
func gather[F float](st *stage, a []F, base int, buf []F) []F {
	if buf == nil {
		return a[2*base : 2*(base+1<<len(st.qubits))]
	}
	runLen := 2 << st.run
	for r, off := range st.offs {
		copy(buf[r*runLen:(r+1)*runLen], a[2*(base|off):])
	}
	return buf
}

// scatter copies the gathered block buf back to base in a; nothing when
// the block was processed in place (buf is nil).
func scatter[F float](st *stage, a []F, base int, buf []F) {
	if buf == nil {
		return
	}
	runLen := 2 << st.run
	for r, off := range st.offs {
		copy(a[2*(base|off):2*(base|off)+runLen], buf[r*runLen:])
	}
}

// Block buffers are reused across stages and calls.
var blockBuffers64, blockBuffers32 sync.Pool

// blockBuffers returns the pool of buffers of precision F.
func blockBuffers[F float]() *sync.Pool {
	var zero F
	if _, ok := any(zero).(float32); ok {
		return &blockBuffers32
	}
	return &blockBuffers64
}

// getBlockBuffer returns a buffer of n floats.
func getBlockBuffer[F float](n int) []F {
	if v, ok := blockBuffers[F]().Get().(*[]F); ok && cap(*v) >= n {
		return (*v)[:n]
	}
	return make([]F, n)
}

// putBlockBuffer returns buf to its pool.
func putBlockBuffer[F float](buf []F) { blockBuffers[F]().Put(&buf) }
