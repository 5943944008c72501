r"""
Dask：map、gather 和 as_completed
=================================

同一批任务，先用 ``ProcessPoolExecutor.map()``，再用 Dask 的 ``client.map()``
加 ``client.gather()``，结果相同。``as_completed()`` 按完成的先后取结果；
任务里抛出的异常在 ``gather()`` 时原样抛出。
运行前需要 ``pip install "dask[distributed]"``。
"""

# %%
# ``count_primes`` 和上一个例子相同。``check`` 遇到负数就抛出 ``ValueError``。
# 工作进程默认把失败的任务记到日志（标准错误）里，这里用 ``silence_logs`` 只保留 CRITICAL 级别。
import logging
from concurrent.futures import ProcessPoolExecutor

try:
    from dask.distributed import Client, LocalCluster, as_completed
except ImportError:
    LocalCluster = None

LIMITS = [200_000, 400_000, 600_000, 800_000]


def count_primes(limit):
    sieve = bytearray([1]) * limit
    sieve[:2] = b"\x00\x00"
    for i in range(2, int(limit**0.5) + 1):
        if sieve[i]:
            sieve[i * i :: i] = bytes(len(range(i * i, limit, i)))
    return sum(sieve)


def check(limit):
    if limit < 0:
        raise ValueError(f"limit 不能是负数：{limit}")
    return limit


# %%
# 两种写法几乎一样：``executor.map`` 直接返回结果的迭代器，
# ``client.map`` 返回一组 future，要用 ``gather`` 取回结果。
if __name__ == "__main__" and LocalCluster is None:
    print('这个例子需要 Dask：pip install "dask[distributed]"')
elif __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=2) as executor:
        local = list(executor.map(count_primes, LIMITS))
    print("ProcessPoolExecutor：", local)

    cluster = LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        host="127.0.0.1",
        dashboard_address="127.0.0.1:0",
        silence_logs=logging.CRITICAL,
    )
    with cluster, Client(cluster) as client:
        futures = client.map(count_primes, LIMITS)
        remote = client.gather(futures)
        print("Dask client.map：   ", remote, "相同：", remote == local)

        done = [f.result() for f in as_completed(client.map(count_primes, LIMITS, pure=False))]
        print("as_completed 排序后：", sorted(done))

        bad = client.map(check, [1, -2, 3])
        try:
            client.gather(bad)
        except ValueError as exc:
            print("gather() 抛出：", type(exc).__name__, exc)
        print("跳过出错的任务：", client.gather(bad, errors="skip"))
