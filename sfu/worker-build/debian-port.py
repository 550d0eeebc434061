#!/usr/bin/env python3
"""Adapt the mediasoup worker sources to Debian bookworm system libraries.
1. Port SrtpSession/DepLibSRTP from the libsrtp3-fork API to Debian's libsrtp2 2.5 API.
2. Fix the DTLS BIO callback so that it returns `ret` in every BIO_CB_RETURN phase.
   Upstream compares `operationType == BIO_CB_RETURN`, which never matches
   (the return phase is BIO_CB_xxx|BIO_CB_RETURN), so every BIO_ctrl() on the
   outgoing mem BIO returns 1. Harmless with mediasoup's bundled no-KTLS OpenSSL,
   but Debian's libssl3 is built with KTLS: BIO_get_ktls_send() then returns 1,
   libssl skips allocating its write buffer and the worker SIGSEGVs in SSL_read()
   on the first DTLS handshake.
usage: debian-port.py <worker-dir>   (tested on mediasoup 3.19.3 and 3.27.1)"""
import re, sys
W = sys.argv[1]

def sub1(pat, rep, s, what):
    n = len(re.findall(pat, s, flags=re.S))
    if n != 1:
        sys.exit(f'ms_debian_port: pattern for {what} matched {n} times')
    return re.sub(pat, lambda m: rep, s, flags=re.S)

p = f'{W}/src/RTC/SrtpSession.cpp'
s = open(p).read()
if 'srtp_policy_create' in s:  # >= 3.2x: opaque policy object API
    start = s.index('\t\t// Create the policy object.')
    end = s.index('\tSrtpSession::~SrtpSession()')
    s = s[:start] + '''\t\t// libsrtp2: plain srtp_policy_t struct.
\t\tsrtp_policy_t policy; // NOLINT(cppcoreguidelines-pro-type-member-init)

\t\tstd::memset(std::addressof(policy), 0, sizeof(srtp_policy_t));

\t\tsrtp_err_status_t err =
\t\t  srtp_crypto_policy_set_from_profile_for_rtp(std::addressof(policy.rtp), profile);

\t\tif (DepLibSRTP::IsError(err))
\t\t{
\t\t\tMS_THROW_ERROR("srtp_crypto_policy_set_from_profile_for_rtp() failed: %s", DepLibSRTP::GetErrorString(err).c_str());
\t\t}

\t\terr = srtp_crypto_policy_set_from_profile_for_rtcp(std::addressof(policy.rtcp), profile);

\t\tif (DepLibSRTP::IsError(err))
\t\t{
\t\t\tMS_THROW_ERROR("srtp_crypto_policy_set_from_profile_for_rtcp() failed: %s", DepLibSRTP::GetErrorString(err).c_str());
\t\t}

\t\tconst size_t masterKeyLen  = srtp_profile_get_master_key_length(profile);
\t\tconst size_t masterSaltLen = srtp_profile_get_master_salt_length(profile);

\t\tMS_ASSERT(
\t\t  keyLen == masterKeyLen + masterSaltLen,
\t\t  "given keyLen does not match profile master key + salt length");

\t\tswitch (type)
\t\t{
\t\t\tcase Type::INBOUND:
\t\t\t{
\t\t\t\tpolicy.ssrc.type = ssrc_any_inbound;

\t\t\t\tbreak;
\t\t\t}

\t\t\tcase Type::OUTBOUND:
\t\t\t{
\t\t\t\tpolicy.ssrc.type = ssrc_any_outbound;

\t\t\t\tbreak;
\t\t\t}
\t\t}

\t\tpolicy.ssrc.value      = 0;
\t\tpolicy.key             = key; // master key followed by master salt.
\t\tpolicy.allow_repeat_tx = 1;   // Required for sending RTP retransmission without RTX.
\t\tpolicy.window_size     = 1024;
\t\tpolicy.next            = nullptr;

\t\terr = srtp_create(std::addressof(this->session), std::addressof(policy));

\t\tif (DepLibSRTP::IsError(err))
\t\t{
\t\t\tMS_THROW_ERROR("srtp_create() failed: %s", DepLibSRTP::GetErrorString(err).c_str());
\t\t}
\t}

''' + s[end:]

# libsrtp3: srtp_protect(ctx, in, in_len, out, &out_len, mki_index)
# libsrtp2: srtp_protect(ctx, buf /*in place*/, int* len)
for fn in ('srtp_protect', 'srtp_protect_rtcp'):
    s = sub1(r'const srtp_err_status_t err = ' + fn + r'\(\s*/\*srtp_t ctx\*/ this->session,.*?\);',
             '''// libsrtp2 encrypts in place: copy into the output buffer first.
\t\tif (*len + SRTP_MAX_TRAILER_LEN + 4 > encryptLen)
\t\t{
\t\t\tMS_WARN_TAG(srtp, "cannot encrypt packet, size too big (%zu bytes)", *len);

\t\t\treturn false;
\t\t}

\t\tstd::memcpy(encryptBuffer, *data, *len);

\t\tint encryptLenInt = static_cast<int>(*len);

\t\tconst srtp_err_status_t err =
\t\t  ''' + fn + '''(this->session, static_cast<void*>(encryptBuffer), std::addressof(encryptLenInt));

\t\tencryptLen = static_cast<size_t>(encryptLenInt);''', s, fn)
for fn in ('srtp_unprotect', 'srtp_unprotect_rtcp'):
    s = sub1(r'const srtp_err_status_t err = ' + fn + r'\(\s*/\*srtp_t ctx\*/ this->session,.*?\);',
             '''int decryptLenInt = static_cast<int>(*len);

\t\tconst srtp_err_status_t err =
\t\t  ''' + fn + '''(this->session, static_cast<void*>(data), std::addressof(decryptLenInt));

\t\tdecryptLen = static_cast<size_t>(decryptLenInt);''', s, fn)
s = s.replace('#include "RTC/SrtpSession.hpp"\n', '#include "RTC/SrtpSession.hpp"\n#include <cstring> // std::memset(), std::memcpy()\n', 1)
open(p, 'w').write(s)

p = f'{W}/include/RTC/SrtpSession.hpp'
s = open(p).read()
s = sub1(r'srtp_stream_remove\(', 'srtp_remove_stream(', s, 'srtp_stream_remove')
open(p, 'w').write(s)

p = f'{W}/src/DepLibSRTP.cpp'
s = open(p).read()
for code in ('srtp_err_status_buffer_small', 'srtp_err_status_cryptex_err'):
    s = re.sub(r'\n\t\{ ' + code + r',[^\n]*', '', s)
s = re.sub(r'(\{ srtp_err_status_pkt_idx_adv,[^\n]*\}),?(\s*\};)', r'\1\2', s)
open(p, 'w').write(s)
p = f'{W}/src/RTC/DtlsTransport.cpp'
s = open(p).read()
s = sub1(r'\(operationType == BIO_CB_RETURN\)', '((operationType & BIO_CB_RETURN) != 0)', s, 'BIO callback')
open(p, 'w').write(s)
print('ms_debian_port: patched', W)
