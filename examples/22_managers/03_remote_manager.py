r"""
分布式进程：另一个程序连接管理器
================================

主程序启动管理器服务，登记任务队列和结果队列；两个独立启动的工作程序
（这里用 ``subprocess`` 再运行一次本脚本）按地址和密钥连接上来，取任务、放结果。
服务只监听 127.0.0.1，端口由操作系统分配，密钥每次随机生成。
"""

# %%
# 两个队列是服务进程里的普通 ``queue.Queue``；登记的是返回它们的模块级函数，不是 lambda，
# 因为 spawn 和 forkserver 下登记的内容要序列化后交给服务进程。
import multiprocessing
import os
import queue
import secrets
import subprocess
import sys
from multiprocessing.managers import BaseManager

_tasks = queue.Queue()
_results = queue.Queue()


def get_tasks():
    return _tasks


def get_results():
    return _results


class QueueManager(BaseManager):
    pass


QueueManager.register("get_tasks", callable=get_tasks)
QueueManager.register("get_results", callable=get_results)


def run_worker(host, port, name):
    authkey = bytes.fromhex(os.environ["QUEUE_MANAGER_AUTHKEY"])
    manager = QueueManager(address=(host, int(port)), authkey=authkey)
    manager.connect()
    print(f"工作程序 {name}：已连接", flush=True)
    tasks, results = manager.get_tasks(), manager.get_results()
    for n in iter(tasks.get, None):
        results.put((n, n * n))


# %%
# 工作程序是另一个 Python 解释器，地址从命令行传入，密钥从环境变量传入。
# 启动它之前先 ``flush``，这样输出被重定向到文件或管道时，各行的先后和终端里一样。
if __name__ == "__main__" and sys.argv[1:2] == ["worker"]:
    run_worker(*sys.argv[2:])
elif __name__ == "__main__":
    authkey = secrets.token_bytes(16)
    with QueueManager(address=("127.0.0.1", 0), authkey=authkey) as manager:
        host, port = manager.address
        print(f"管理器监听 {host}，端口由系统分配", flush=True)
        tasks, results = manager.get_tasks(), manager.get_results()
        for n in range(10):
            tasks.put(n)
        for _ in range(2):
            tasks.put(None)  # 每个工作程序一个哨兵
        env = dict(os.environ, QUEUE_MANAGER_AUTHKEY=authkey.hex())
        workers = [
            subprocess.Popen([sys.executable, __file__, "worker", host, str(port), name], env=env)
            for name in ("A", "B")
        ]
        for w in workers:
            w.wait()
        squares = sorted(results.get() for _ in range(10))
        print("结果：", [sq for _, sq in squares])

# %%
# 流行教程的写法 ``register("get_task_queue", callable=lambda: task_queue)`` 在 spawn 下启动不了：
# lambda 不能序列化。
if __name__ == "__main__" and sys.argv[1:2] != ["worker"]:

    class LambdaManager(BaseManager):
        pass

    LambdaManager.register("get_tasks", callable=lambda: _tasks)
    try:
        LambdaManager(ctx=multiprocessing.get_context("spawn")).start()
    except Exception as exc:
        print("登记 lambda，spawn 下启动：", type(exc).__name__)
