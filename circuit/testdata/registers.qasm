OPENQASM 2.0;
include "qelib1.inc";
// several registers, flattened in declaration order: anc is qubits 0-1,
// data is qubits 2-5, out is qubit 6; syn is bits 0-1, res bits 2-5
qreg anc[2];
qreg data[4];
creg syn[2];
qreg out[1];
creg res[4];

h data;                      // broadcast over a whole register: 4 ops
cx data[0], anc;             // one qubit with a register: 2 ops
ccx anc, out[0], data[1];    // anc is broadcast: 2 ops
swap anc, data[2];           // 2 ops
barrier anc, data[3], out;   // one op on 4 qubits
measure data -> res;         // 4 ops
measure anc[1] -> syn[0];
reset anc;                   // 2 ops
