# cython: boundscheck=False, wraparound=False, nonecheck=False, cdivision=True
from __future__ import print_function

import cython
import numpy as np
cimport numpy as np


cpdef evaluate_cy(distmat, q_pids, g_pids, q_camids, g_camids, max_rank, use_metric_cuhk03=False):
    distmat = np.asarray(distmat, dtype=np.float32)
    q_pids = np.asarray(q_pids, dtype=np.int64)
    g_pids = np.asarray(g_pids, dtype=np.int64)
    if use_metric_cuhk03:
        return eval_cuhk03_cy(distmat, q_pids, g_pids, q_camids, g_camids, max_rank)
    else:
        return eval_market1501_cy(distmat, q_pids, g_pids, q_camids, g_camids, max_rank)


cpdef eval_cuhk03_cy(float[:,:] distmat, long[:] q_pids, long[:] g_pids,
                     long[:] q_camids, long[:] g_camids, long max_rank):
    cdef long num_q = distmat.shape[0]
    cdef long num_g = distmat.shape[1]
    return num_q, num_g


cpdef eval_market1501_cy(float[:,:] distmat, long[:] q_pids, long[:] g_pids,
                         long[:] q_camids, long[:] g_camids, long max_rank):
    cdef long num_q = distmat.shape[0]
    return num_q
