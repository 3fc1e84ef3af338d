// Package linalg is the complex dense linear algebra that gonum lacks, for
// the MPS simulator (mps), pulse-level control (control) and the classical
// tensor-network baselines (classical).
//
// It owns:
//
//   - Matrix, a row-major complex128 matrix whose layout is exactly that of
//     a reshaped tensor, with gonum-style receivers (dst.Mul(a, b)) that
//     reuse memory;
//   - SVD (thin, native complex: Householder bidiagonalisation and the
//     Gu–Eisenstat divide and conquer on the real bidiagonal, with the
//     Demmel–Kahan bidiagonal QR for its small blocks, as LAPACK's zgesdd)
//     and TruncatedSVD with the one Truncation policy every split uses (max
//     bond, cutoff and cutoff mode, renormalise), reporting the discarded
//     weight;
//   - QR and LQ (thin, Householder), to move an MPS orthogonality centre;
//   - EigHermitian (Householder tridiagonalisation + implicit QL);
//   - Expm (Higham 2005 scaling and squaring, Padé 13), ExpmHermitian
//     (exp(−i·t·H) through the eigendecomposition) and ExpmFrechet, the
//     Fréchet derivative of exp (Al-Mohy & Higham 2009) for GRAPE.
//
// The inner kernels are its own (kernel.go): complex axpy and dot and
// register-tiled complex and real matrix products, in AVX2/FMA assembly on
// amd64 CPUs that have it (checked at run time) with portable Go loops
// elsewhere. Reflector sequences and the trailing updates of QR are applied
// in compact-WY blocks (wy.go), so most of their work is matrix products.
// gonum's LAPACK supplies the 2×2 kernels (Dlartg, Dlas2, Dlasv2) of the
// bidiagonal SVD. gonum has no divide and conquer (dbdsdc), so it is
// written here (dc.go, secular.go); the bidiagonal QR and tridiagonal QL
// iterations are re-implemented only to log their plane rotations and
// apply them row-wise in batches, which in row-major storage is 3–7×
// faster than gonum's Dbdsqr/Dsteqr with vectors.
//
// All functions return errors for invalid input (shape mismatches, NaN or
// infinite elements, a non-Hermitian matrix given as Hermitian) and never
// print. Large operations split their work over runtime.GOMAXPROCS
// goroutines above a size threshold; results do not depend on timing, but
// may differ in the last bits between GOMAXPROCS settings.
package linalg
