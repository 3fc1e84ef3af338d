#include "textflag.h"

// Constants of the vector exponential (Cephes' exp range reduction with a
// degree-12 Taylor polynomial on |r| ≤ ln2/2, error below 2e-16).
DATA sigc<>+0(SB)/8, $0x3ff71547652b82fe   // log2(e)
DATA sigc<>+8(SB)/8, $0x3fe62e4000000000   // ln2 high part
DATA sigc<>+16(SB)/8, $0x3eb7f7d1cf79abca  // ln2 low part
DATA sigc<>+24(SB)/8, $0x4085e00000000000  // 700, clamp
DATA sigc<>+32(SB)/8, $0xc085e00000000000  // -700, clamp
DATA sigc<>+40(SB)/8, $0x3ff0000000000000  // 1
DATA sigc<>+48(SB)/8, $0x3e21eed8eff8d898  // 1/12!
DATA sigc<>+56(SB)/8, $0x3e5ae64567f544e4  // 1/11!
DATA sigc<>+64(SB)/8, $0x3e927e4fb7789f5c  // 1/10!
DATA sigc<>+72(SB)/8, $0x3ec71de3a556c734  // 1/9!
DATA sigc<>+80(SB)/8, $0x3efa01a01a01a01a  // 1/8!
DATA sigc<>+88(SB)/8, $0x3f2a01a01a01a01a  // 1/7!
DATA sigc<>+96(SB)/8, $0x3f56c16c16c16c17  // 1/6!
DATA sigc<>+104(SB)/8, $0x3f81111111111111 // 1/5!
DATA sigc<>+112(SB)/8, $0x3fa5555555555555 // 1/4!
DATA sigc<>+120(SB)/8, $0x3fc5555555555555 // 1/3!
DATA sigc<>+128(SB)/8, $0x3fe0000000000000 // 1/2
DATA sigc<>+136(SB)/8, $1023               // exponent bias
GLOBL sigc<>(SB), RODATA|NOPTR, $144

// func sigmoidAVX2(x *float64, n int, beta float64)
//
// x[i] = 1/(1 + exp(-beta*x[i])) for i < n, n a multiple of 4.
TEXT ·sigmoidAVX2(SB), NOSPLIT, $0-24
	MOVQ x+0(FP), DI
	MOVQ n+8(FP), CX
	VBROADCASTSD beta+16(FP), Y15
	VBROADCASTSD sigc<>+0(SB), Y14   // log2e
	VBROADCASTSD sigc<>+8(SB), Y13   // ln2 hi
	VBROADCASTSD sigc<>+16(SB), Y12  // ln2 lo
	VBROADCASTSD sigc<>+24(SB), Y11  // 700
	VBROADCASTSD sigc<>+32(SB), Y10  // -700
	VBROADCASTSD sigc<>+40(SB), Y9   // 1
	VPBROADCASTQ sigc<>+136(SB), Y8  // 1023
	XORQ AX, AX
	VXORPD Y7, Y7, Y7                // 0

loop:
	CMPQ AX, CX
	JGE  done
	VMOVUPD (DI)(AX*8), Y0
	VMULPD  Y15, Y0, Y0              // beta*x
	VSUBPD  Y0, Y7, Y0               // t = -beta*x
	VMINPD  Y11, Y0, Y0
	VMAXPD  Y10, Y0, Y0              // clamp to [-700, 700]
	VMULPD  Y14, Y0, Y1
	VROUNDPD $0, Y1, Y1              // k = round(t*log2e)
	VMOVAPD Y0, Y2
	VFNMADD231PD Y13, Y1, Y2         // r = t - k*ln2hi
	VFNMADD231PD Y12, Y1, Y2         // r -= k*ln2lo
	VBROADCASTSD sigc<>+48(SB), Y3   // p = 1/12!
	VBROADCASTSD sigc<>+56(SB), Y4
	VFMADD213PD Y4, Y2, Y3           // p = p*r + c
	VBROADCASTSD sigc<>+64(SB), Y4
	VFMADD213PD Y4, Y2, Y3
	VBROADCASTSD sigc<>+72(SB), Y4
	VFMADD213PD Y4, Y2, Y3
	VBROADCASTSD sigc<>+80(SB), Y4
	VFMADD213PD Y4, Y2, Y3
	VBROADCASTSD sigc<>+88(SB), Y4
	VFMADD213PD Y4, Y2, Y3
	VBROADCASTSD sigc<>+96(SB), Y4
	VFMADD213PD Y4, Y2, Y3
	VBROADCASTSD sigc<>+104(SB), Y4
	VFMADD213PD Y4, Y2, Y3
	VBROADCASTSD sigc<>+112(SB), Y4
	VFMADD213PD Y4, Y2, Y3
	VBROADCASTSD sigc<>+120(SB), Y4
	VFMADD213PD Y4, Y2, Y3
	VBROADCASTSD sigc<>+128(SB), Y4
	VFMADD213PD Y4, Y2, Y3
	VFMADD213PD Y9, Y2, Y3           // p = p*r + 1
	VFMADD213PD Y9, Y2, Y3           // p = p*r + 1 = e^r
	VCVTPD2DQY Y1, X5                // k as int32
	VPMOVSXDQ X5, Y5                 // k as int64
	VPADDQ  Y8, Y5, Y5
	VPSLLQ  $52, Y5, Y5              // 2^k
	VMULPD  Y5, Y3, Y3               // e^t
	VADDPD  Y9, Y3, Y3
	VDIVPD  Y3, Y9, Y3               // 1/(1 + e^t)
	VMOVUPD Y3, (DI)(AX*8)
	ADDQ $4, AX
	JMP  loop

done:
	VZEROUPPER
	RET
