import numpy as np


def eval_cuhk03(distmat, q_pids, g_pids, q_camids, g_camids, max_rank):
    num_q, num_g = distmat.shape
    indices = np.argsort(distmat, axis=1)
    matches = (g_pids[indices] == q_pids[:, np.newaxis]).astype(np.int32)
    return matches[:, :max_rank].mean(axis=0), 0.0


def eval_market1501(distmat, q_pids, g_pids, q_camids, g_camids, max_rank):
    indices = np.argsort(distmat, axis=1)
    matches = (g_pids[indices] == q_pids[:, np.newaxis]).astype(np.int32)
    return matches[:, :max_rank].mean(axis=0), matches.mean()


def evaluate_rank(distmat, q_pids, g_pids, q_camids, g_camids, max_rank=50, use_metric_cuhk03=False):
    if use_metric_cuhk03:
        return eval_cuhk03(distmat, q_pids, g_pids, q_camids, g_camids, max_rank)
    return eval_market1501(distmat, q_pids, g_pids, q_camids, g_camids, max_rank)
