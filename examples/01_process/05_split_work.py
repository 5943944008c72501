"""
把列表分给多个进程
==================

把任务列表尽量均匀地切成几段，每段交给一个 :class:`~multiprocessing.Process`。
各进程并行运行，它们的输出交错的顺序每次运行都可能不同。
"""

# %%
import os
from multiprocessing import Process


def process_data(name, items):
    print(f"{name}（进程 {os.getpid()}）处理 {items}")


# %%
if __name__ == "__main__":
    full_list = list(range(10))
    n_processes = 4

    # 计算下标，尽可能均匀地划分列表：每段长度相差不超过 1
    length = len(full_list) / n_processes
    indices = [round(i * length) for i in range(n_processes + 1)]
    sublists = [full_list[indices[i] : indices[i + 1]] for i in range(n_processes)]
    print("切分结果：", sublists)

    processes = [
        Process(target=process_data, args=(f"worker-{i}", sublist))
        for i, sublist in enumerate(sublists)
    ]
    for p in processes:
        p.start()
    for p in processes:
        p.join()
    print("全部完成")
