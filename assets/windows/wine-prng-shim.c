/* For running the Windows build under Wine in tests only (assets/windows/check-msi.sh): never in
   the .msi or the .zip; .ci/windows-tests puts it beside the test programs too. Debian 12's Wine 8 has no ProcessPrng in bcryptprimitives.dll, which
   Rust's std (1.78 and later) calls at start; built with
     x86_64-w64-mingw32-gcc -shared -o bcryptprimitives.dll wine-prng-shim.c -ladvapi32
   and put beside an .exe, this DLL gives it one. (The same as shared/tools/wine-prng-shim.c.) */
#include <windows.h>
#define SystemFunction036 NTAPI SystemFunction036
#include <ntsecapi.h>
#undef SystemFunction036
__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
  while (len > 0) {
    ULONG n = len > 0x7fffffff ? 0x7fffffff : (ULONG)len;
    if (!RtlGenRandom(data, n)) return FALSE;
    data += n;
    len -= n;
  }
  return TRUE;
}
