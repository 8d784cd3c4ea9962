/* Force-included (gcc -include) when CPython is compiled in the bullseye root
 * (glibc 2.31).  glibc 2.29 added new versions of these libm functions (without
 * the SVID error handling); a program linked against 2.29+ asks for
 * exp@GLIBC_2.29 and does not start on glibc 2.28 (统信UOS 20).  The old
 * versions are still in every libm, and give the same results for the finite
 * arguments CPython passes (it checks errno and ranges itself). */
#if defined(__x86_64__)
__asm__(".symver exp,exp@GLIBC_2.2.5");
__asm__(".symver exp2,exp2@GLIBC_2.2.5");
__asm__(".symver log,log@GLIBC_2.2.5");
__asm__(".symver log2,log2@GLIBC_2.2.5");
__asm__(".symver pow,pow@GLIBC_2.2.5");
#endif
