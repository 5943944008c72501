r"""
Dask：本机上的两个工作进程
==========================

``LocalCluster`` 在本机启动一个调度器和两个工作进程，``Client`` 按地址连接调度器。
``submit()`` 提交一个任务，立即返回 future；``result()`` 等它算完。
Dask 用 cloudpickle 序列化函数，连 lambda 也能提交。运行前需要 ``pip install "dask[distributed]"``。
"""

# %%
# 任务函数写在模块顶层。Dask 用 spawn 启动工作进程，它们会导入本脚本，
# 所以启动集群的代码要在主程序块里。
import os

try:
    from dask.distributed import Client, LocalCluster
except ImportError:
    LocalCluster = None


def count_primes(limit):
    """数出小于 limit 的质数个数：一段纯 Python 的 CPU 密集计算。"""
    sieve = bytearray([1]) * limit
    sieve[:2] = b"\x00\x00"
    for i in range(2, int(limit**0.5) + 1):
        if sieve[i]:
            sieve[i * i :: i] = bytes(len(range(i * i, limit, i)))
    return sum(sieve)


def where():
    return os.getpid()


# %%
# 调度器、工作进程和调度器的 HTTP 服务（仪表盘、健康检查）都只监听 127.0.0.1；
# HTTP 服务的端口也由系统分配（``:0``），不占默认的 8787。
# ``Client`` 只需要调度器的地址：换成一台真实集群的调度器地址，下面的代码不用改。
if __name__ == "__main__" and LocalCluster is None:
    print('这个例子需要 Dask：pip install "dask[distributed]"')
elif __name__ == "__main__":
    with LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address="127.0.0.1:0",
    ) as cluster:
        address = cluster.scheduler_address
        print("调度器地址的协议和主机：", address.rsplit(":", 1)[0])
        with Client(address) as client:
            workers = client.scheduler_info()["workers"]
            print("工作进程个数：", len(workers))
            print("它们的主机：", sorted({w["host"] for w in workers.values()}))

            future = client.submit(count_primes, 1_000_000)
            print("submit() 立即返回：", type(future).__name__, future.status)
            print("result()：", future.result(), future.status)

            pids = client.run(where)  # 在每个工作进程里各运行一次
            print("工作进程不是本进程：", os.getpid() not in pids.values())
            print("lambda 也能提交：", client.submit(lambda x: x * 2, 21).result())
