// Package vqc builds and trains variational quantum circuits: data encoders
// (angle, IQP/ZZ feature map, amplitude, data re-uploading), ansätze
// (hardware-efficient, strongly entangling, RealAmplitudes-style, any user
// circuit), models (classifier, regressor, VQE), losses, gradients (adjoint,
// parameter shift, finite differences as a check), the mini-batch training
// loop and a versioned JSON model format, and the differentiable quantum
// circuit of a quantum PINN (PINNCircuit; Kyriienko, Paine and Elfving,
// arXiv:2011.10395), whose input derivatives come exactly from shift rules.
//
// Models run on any Backend, the small interface below, so the dense state
// vector and the matrix product state simulator both serve. A backend that
// can also differentiate (the state vector's adjoint sweep) says so by
// implementing Differentiator; the others are differentiated by the
// parameter-shift rule.
//
// A model's trainable parameters form one flat vector: first the circuit
// weights θ[i], then the classical input scales of data re-uploading (when
// trainable), then the readout's scale and bias per output.
package vqc
