#include "textflag.h"

// func gemvIdxAVX2(dst *float64, n int, w *float64, ld int, idx *int32, vals *float64, k int)
//
// dst[j] += Σ_{t<k} vals[t]·w[idx[t]*ld + j] for j < n, n a multiple of 4.
// Outputs go in blocks of 16 (four YMM accumulators), then of 4; within a
// block every row is streamed with one broadcast and four FMAs.
TEXT ·gemvIdxAVX2(SB), NOSPLIT, $0-56
	MOVQ dst+0(FP), DI
	MOVQ n+8(FP), CX
	MOVQ w+16(FP), SI
	MOVQ ld+24(FP), R8
	SHLQ $3, R8
	MOVQ idx+32(FP), R9
	MOVQ vals+40(FP), R10
	MOVQ k+48(FP), R11
	XORQ AX, AX

block16:
	LEAQ 16(AX), DX
	CMPQ DX, CX
	JGT  block4
	VMOVUPD 0(DI)(AX*8), Y0
	VMOVUPD 32(DI)(AX*8), Y1
	VMOVUPD 64(DI)(AX*8), Y2
	VMOVUPD 96(DI)(AX*8), Y3
	LEAQ (SI)(AX*8), R12
	XORQ BX, BX

rows16:
	CMPQ BX, R11
	JGE  store16
	MOVLQSX (R9)(BX*4), R13
	IMULQ R8, R13
	ADDQ R12, R13
	VBROADCASTSD (R10)(BX*8), Y4
	VFMADD231PD 0(R13), Y4, Y0
	VFMADD231PD 32(R13), Y4, Y1
	VFMADD231PD 64(R13), Y4, Y2
	VFMADD231PD 96(R13), Y4, Y3
	INCQ BX
	JMP  rows16

store16:
	VMOVUPD Y0, 0(DI)(AX*8)
	VMOVUPD Y1, 32(DI)(AX*8)
	VMOVUPD Y2, 64(DI)(AX*8)
	VMOVUPD Y3, 96(DI)(AX*8)
	MOVQ DX, AX
	JMP  block16

block4:
	LEAQ 4(AX), DX
	CMPQ DX, CX
	JGT  done
	VMOVUPD (DI)(AX*8), Y0
	LEAQ (SI)(AX*8), R12
	XORQ BX, BX

rows4:
	CMPQ BX, R11
	JGE  store4
	MOVLQSX (R9)(BX*4), R13
	IMULQ R8, R13
	ADDQ R12, R13
	VBROADCASTSD (R10)(BX*8), Y4
	VFMADD231PD (R13), Y4, Y0
	INCQ BX
	JMP  rows4

store4:
	VMOVUPD Y0, (DI)(AX*8)
	MOVQ DX, AX
	JMP  block4

done:
	VZEROUPPER
	RET
