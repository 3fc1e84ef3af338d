OPENQASM 2.0;
include "qelib1.inc"; // the standard gates
/* a block comment
   over two lines */
qreg q[2];
creg c[2];

gate   bell   a ,b
{
  h a ;
  cx a , b ;
}
  bell q[0] , q[1] ;  // odd spacing
u1 (-3*pi/8) q[1];
measure q[0]->c[0];
measure q [1] -> c [1] ;
