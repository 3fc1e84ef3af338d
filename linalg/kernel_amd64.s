#include "textflag.h"

// Complex128 kernels with AVX2 and FMA. A YMM register holds two complex
// numbers [re0, im0, re1, im1]. The product α·x is formed as
// re(α)·x ∓± im(α)·swap(x), where swap (VPERMILPD $5) exchanges the real
// and imaginary part of each number and VFMADDSUB231PD / VADDSUBPD subtract
// in the even (real) lanes and add in the odd (imaginary) lanes.

// func axpyAVX2(n int, alpha complex128, x, y *complex128)
//
// y[j] += alpha·x[j] for j < n.
TEXT ·axpyAVX2(SB), NOSPLIT, $0-40
	MOVQ         n+0(FP), CX
	VBROADCASTSD alpha_real+8(FP), Y0
	VBROADCASTSD alpha_imag+16(FP), Y1
	MOVQ         x+24(FP), SI
	MOVQ         y+32(FP), DI

axpy4:
	CMPQ           CX, $4
	JLT            axpy2
	VMOVUPD        (SI), Y2
	VMOVUPD        32(SI), Y3
	VPERMILPD      $5, Y2, Y4
	VPERMILPD      $5, Y3, Y5
	VMULPD         Y1, Y4, Y4
	VMULPD         Y1, Y5, Y5
	VFMADDSUB231PD Y2, Y0, Y4
	VFMADDSUB231PD Y3, Y0, Y5
	VADDPD         (DI), Y4, Y4
	VADDPD         32(DI), Y5, Y5
	VMOVUPD        Y4, (DI)
	VMOVUPD        Y5, 32(DI)
	ADDQ           $64, SI
	ADDQ           $64, DI
	SUBQ           $4, CX
	JMP            axpy4

axpy2:
	CMPQ           CX, $2
	JLT            axpy1
	VMOVUPD        (SI), Y2
	VPERMILPD      $5, Y2, Y4
	VMULPD         Y1, Y4, Y4
	VFMADDSUB231PD Y2, Y0, Y4
	VADDPD         (DI), Y4, Y4
	VMOVUPD        Y4, (DI)
	ADDQ           $32, SI
	ADDQ           $32, DI
	SUBQ           $2, CX

axpy1:
	CMPQ           CX, $1
	JLT            axpydone
	VMOVUPD        (SI), X2
	VPERMILPD      $1, X2, X4
	VMULPD         X1, X4, X4
	VFMADDSUB231PD X2, X0, X4
	VADDPD         (DI), X4, X4
	VMOVUPD        X4, (DI)

axpydone:
	VZEROUPPER
	RET

// func dotuAVX2(n int, x, y *complex128) complex128
//
// Σ_{j<n} x[j]·y[j] (no conjugation). Y0, Y1 accumulate x∘y (the real
// part is the even lanes minus the odd), Y2, Y3 accumulate x∘swap(y) (the
// imaginary part is the sum of all lanes).
TEXT ·dotuAVX2(SB), NOSPLIT, $0-40
	MOVQ   n+0(FP), CX
	MOVQ   x+8(FP), SI
	MOVQ   y+16(FP), DI
	VXORPD Y0, Y0, Y0
	VXORPD Y1, Y1, Y1
	VXORPD Y2, Y2, Y2
	VXORPD Y3, Y3, Y3

dot4:
	CMPQ        CX, $4
	JLT         dot2
	VMOVUPD     (SI), Y4
	VMOVUPD     32(SI), Y5
	VMOVUPD     (DI), Y6
	VMOVUPD     32(DI), Y7
	VFMADD231PD Y6, Y4, Y0
	VFMADD231PD Y7, Y5, Y1
	VPERMILPD   $5, Y6, Y6
	VPERMILPD   $5, Y7, Y7
	VFMADD231PD Y6, Y4, Y2
	VFMADD231PD Y7, Y5, Y3
	ADDQ        $64, SI
	ADDQ        $64, DI
	SUBQ        $4, CX
	JMP         dot4

dot2:
	CMPQ        CX, $2
	JLT         dot1
	VMOVUPD     (SI), Y4
	VMOVUPD     (DI), Y6
	VFMADD231PD Y6, Y4, Y0
	VPERMILPD   $5, Y6, Y6
	VFMADD231PD Y6, Y4, Y2
	ADDQ        $32, SI
	ADDQ        $32, DI
	SUBQ        $2, CX

dot1:
	// Fold to XMM before the last element (a VEX XMM op zeroes the upper
	// lanes): X0 = [Σ re·re, Σ im·im], X2 = [Σ re·im, Σ im·re].
	VADDPD       Y1, Y0, Y0
	VADDPD       Y3, Y2, Y2
	VEXTRACTF128 $1, Y0, X1
	VADDPD       X1, X0, X0
	VEXTRACTF128 $1, Y2, X3
	VADDPD       X3, X2, X2
	CMPQ         CX, $1
	JLT          dotsum
	VMOVUPD      (SI), X4
	VMOVUPD      (DI), X6
	VFMADD231PD  X6, X4, X0
	VPERMILPD    $1, X6, X6
	VFMADD231PD  X6, X4, X2

dotsum:
	VHSUBPD      X0, X0, X0
	VHADDPD      X2, X2, X2
	VMOVSD       X0, ret_real+24(FP)
	VMOVSD       X2, ret_imag+32(FP)
	VZEROUPPER
	RET

// func gemm2x4AVX2(k int, a *complex128, lda int, b *complex128, ldb int, c *complex128, ldc int)
//
// The 2×4 tile c[i, j] += Σ_{p<k} a[i, p]·b[p, j], i < 2, j < 4, for
// row-major operands with leading dimensions lda, ldb, ldc (in elements).
// Per p: two YMM loads of b's row, four broadcasts of a's parts and eight
// FMAs into eight accumulators (row i: re(a)·b in Y(4i), Y(4i+1) and
// im(a)·b in Y(4i+2), Y(4i+3)), combined once at the end.
TEXT ·gemm2x4AVX2(SB), NOSPLIT, $0-56
	MOVQ   k+0(FP), CX
	MOVQ   a+8(FP), SI
	MOVQ   lda+16(FP), R8
	SHLQ   $4, R8
	LEAQ   (SI)(R8*1), R11
	MOVQ   b+24(FP), DX
	MOVQ   ldb+32(FP), R9
	SHLQ   $4, R9
	MOVQ   c+40(FP), DI
	MOVQ   ldc+48(FP), R10
	SHLQ   $4, R10
	VXORPD Y0, Y0, Y0
	VXORPD Y1, Y1, Y1
	VXORPD Y2, Y2, Y2
	VXORPD Y3, Y3, Y3
	VXORPD Y4, Y4, Y4
	VXORPD Y5, Y5, Y5
	VXORPD Y6, Y6, Y6
	VXORPD Y7, Y7, Y7

gemmloop:
	TESTQ        CX, CX
	JEQ          gemmstore
	VMOVUPD      (DX), Y8
	VMOVUPD      32(DX), Y9
	VBROADCASTSD (SI), Y10
	VBROADCASTSD 8(SI), Y11
	VFMADD231PD  Y8, Y10, Y0
	VFMADD231PD  Y9, Y10, Y1
	VFMADD231PD  Y8, Y11, Y2
	VFMADD231PD  Y9, Y11, Y3
	VBROADCASTSD (R11), Y12
	VBROADCASTSD 8(R11), Y13
	VFMADD231PD  Y8, Y12, Y4
	VFMADD231PD  Y9, Y12, Y5
	VFMADD231PD  Y8, Y13, Y6
	VFMADD231PD  Y9, Y13, Y7
	ADDQ         $16, SI
	ADDQ         $16, R11
	ADDQ         R9, DX
	DECQ         CX
	JMP          gemmloop

gemmstore:
	VPERMILPD $5, Y2, Y2
	VPERMILPD $5, Y3, Y3
	VADDSUBPD Y2, Y0, Y0
	VADDSUBPD Y3, Y1, Y1
	VADDPD    (DI), Y0, Y0
	VADDPD    32(DI), Y1, Y1
	VMOVUPD   Y0, (DI)
	VMOVUPD   Y1, 32(DI)
	ADDQ      R10, DI
	VPERMILPD $5, Y6, Y6
	VPERMILPD $5, Y7, Y7
	VADDSUBPD Y6, Y4, Y4
	VADDSUBPD Y7, Y5, Y5
	VADDPD    (DI), Y4, Y4
	VADDPD    32(DI), Y5, Y5
	VMOVUPD   Y4, (DI)
	VMOVUPD   Y5, 32(DI)
	VZEROUPPER
	RET

// func dgemm4x8AVX2(k int, a *float64, lda int, b *float64, ldb int, c *float64, ldc int)
//
// The real 4×8 tile c[i, j] += Σ_{p<k} a[i, p]·b[p, j], i < 4, j < 8, for
// row-major operands with leading dimensions lda, ldb, ldc (in elements):
// per p, two YMM loads of b's row, four broadcasts and eight FMAs into the
// accumulators Y0…Y7 (row i in Y(2i), Y(2i+1)).
TEXT ·dgemm4x8AVX2(SB), NOSPLIT, $0-56
	MOVQ   k+0(FP), CX
	MOVQ   a+8(FP), SI
	MOVQ   lda+16(FP), R8
	SHLQ   $3, R8
	LEAQ   (SI)(R8*1), R11
	LEAQ   (R11)(R8*1), R12
	LEAQ   (R12)(R8*1), R13
	MOVQ   b+24(FP), DX
	MOVQ   ldb+32(FP), R9
	SHLQ   $3, R9
	MOVQ   c+40(FP), DI
	MOVQ   ldc+48(FP), R10
	SHLQ   $3, R10
	VXORPD Y0, Y0, Y0
	VXORPD Y1, Y1, Y1
	VXORPD Y2, Y2, Y2
	VXORPD Y3, Y3, Y3
	VXORPD Y4, Y4, Y4
	VXORPD Y5, Y5, Y5
	VXORPD Y6, Y6, Y6
	VXORPD Y7, Y7, Y7

dgemmloop:
	TESTQ        CX, CX
	JEQ          dgemmstore
	VMOVUPD      (DX), Y8
	VMOVUPD      32(DX), Y9
	VBROADCASTSD (SI), Y10
	VBROADCASTSD (R11), Y11
	VBROADCASTSD (R12), Y12
	VBROADCASTSD (R13), Y13
	VFMADD231PD  Y8, Y10, Y0
	VFMADD231PD  Y9, Y10, Y1
	VFMADD231PD  Y8, Y11, Y2
	VFMADD231PD  Y9, Y11, Y3
	VFMADD231PD  Y8, Y12, Y4
	VFMADD231PD  Y9, Y12, Y5
	VFMADD231PD  Y8, Y13, Y6
	VFMADD231PD  Y9, Y13, Y7
	ADDQ         $8, SI
	ADDQ         $8, R11
	ADDQ         $8, R12
	ADDQ         $8, R13
	ADDQ         R9, DX
	DECQ         CX
	JMP          dgemmloop

dgemmstore:
	VADDPD  (DI), Y0, Y0
	VADDPD  32(DI), Y1, Y1
	VMOVUPD Y0, (DI)
	VMOVUPD Y1, 32(DI)
	ADDQ    R10, DI
	VADDPD  (DI), Y2, Y2
	VADDPD  32(DI), Y3, Y3
	VMOVUPD Y2, (DI)
	VMOVUPD Y3, 32(DI)
	ADDQ    R10, DI
	VADDPD  (DI), Y4, Y4
	VADDPD  32(DI), Y5, Y5
	VMOVUPD Y4, (DI)
	VMOVUPD Y5, 32(DI)
	ADDQ    R10, DI
	VADDPD  (DI), Y6, Y6
	VADDPD  32(DI), Y7, Y7
	VMOVUPD Y6, (DI)
	VMOVUPD Y7, 32(DI)
	VZEROUPPER
	RET

// func axpyDotuAVX2(n int, alpha complex128, x, y, v *complex128) complex128
//
// y[j] += alpha·x[j], then returns Σ_j y[j]·v[j] over the updated y, in
// one pass: axpyAVX2 with dotuAVX2's accumulation (Y8, Y9: y∘v and
// y∘swap(v)) on the new y while it is in a register.
TEXT ·axpyDotuAVX2(SB), NOSPLIT, $0-64
	MOVQ         n+0(FP), CX
	VBROADCASTSD alpha_real+8(FP), Y0
	VBROADCASTSD alpha_imag+16(FP), Y1
	MOVQ         x+24(FP), SI
	MOVQ         y+32(FP), DI
	MOVQ         v+40(FP), DX
	VXORPD       Y8, Y8, Y8
	VXORPD       Y9, Y9, Y9

ad2:
	CMPQ           CX, $2
	JLT            ad1
	VMOVUPD        (SI), Y2
	VPERMILPD      $5, Y2, Y4
	VMULPD         Y1, Y4, Y4
	VFMADDSUB231PD Y2, Y0, Y4
	VADDPD         (DI), Y4, Y4
	VMOVUPD        Y4, (DI)
	VMOVUPD        (DX), Y6
	VFMADD231PD    Y6, Y4, Y8
	VPERMILPD      $5, Y6, Y6
	VFMADD231PD    Y6, Y4, Y9
	ADDQ           $32, SI
	ADDQ           $32, DI
	ADDQ           $32, DX
	SUBQ           $2, CX
	JMP            ad2

ad1:
	VEXTRACTF128   $1, Y8, X10
	VADDPD         X10, X8, X8
	VEXTRACTF128   $1, Y9, X11
	VADDPD         X11, X9, X9
	CMPQ           CX, $1
	JLT            adsum
	VMOVUPD        (SI), X2
	VPERMILPD      $1, X2, X4
	VMULPD         X1, X4, X4
	VFMADDSUB231PD X2, X0, X4
	VADDPD         (DI), X4, X4
	VMOVUPD        X4, (DI)
	VMOVUPD        (DX), X6
	VFMADD231PD    X6, X4, X8
	VPERMILPD      $1, X6, X6
	VFMADD231PD    X6, X4, X9

adsum:
	VHSUBPD X8, X8, X8
	VHADDPD X9, X9, X9
	VMOVSD  X8, ret_real+48(FP)
	VMOVSD  X9, ret_imag+56(FP)
	VZEROUPPER
	RET

// func axpyAxpyAVX2(n int, alpha complex128, x, y *complex128, beta complex128, z *complex128)
//
// y[j] += alpha·x[j], then z[j] += beta·y[j] with the updated y, in one
// pass.
TEXT ·axpyAxpyAVX2(SB), NOSPLIT, $0-64
	MOVQ         n+0(FP), CX
	VBROADCASTSD alpha_real+8(FP), Y0
	VBROADCASTSD alpha_imag+16(FP), Y1
	MOVQ         x+24(FP), SI
	MOVQ         y+32(FP), DI
	VBROADCASTSD beta_real+40(FP), Y2
	VBROADCASTSD beta_imag+48(FP), Y3
	MOVQ         z+56(FP), DX

aa2:
	CMPQ           CX, $2
	JLT            aa1
	VMOVUPD        (SI), Y4
	VPERMILPD      $5, Y4, Y5
	VMULPD         Y1, Y5, Y5
	VFMADDSUB231PD Y4, Y0, Y5
	VADDPD         (DI), Y5, Y5
	VMOVUPD        Y5, (DI)
	VPERMILPD      $5, Y5, Y6
	VMULPD         Y3, Y6, Y6
	VFMADDSUB231PD Y5, Y2, Y6
	VADDPD         (DX), Y6, Y6
	VMOVUPD        Y6, (DX)
	ADDQ           $32, SI
	ADDQ           $32, DI
	ADDQ           $32, DX
	SUBQ           $2, CX
	JMP            aa2

aa1:
	CMPQ           CX, $1
	JLT            aadone
	VMOVUPD        (SI), X4
	VPERMILPD      $1, X4, X5
	VMULPD         X1, X5, X5
	VFMADDSUB231PD X4, X0, X5
	VADDPD         (DI), X5, X5
	VMOVUPD        X5, (DI)
	VPERMILPD      $1, X5, X6
	VMULPD         X3, X6, X6
	VFMADDSUB231PD X5, X2, X6
	VADDPD         (DX), X6, X6
	VMOVUPD        X6, (DX)

aadone:
	VZEROUPPER
	RET
