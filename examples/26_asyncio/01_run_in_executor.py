r"""
run_in_executor 与进程池
========================

协程里直接调用 CPU 密集的函数，会卡住整个事件循环：别的协程都停下来。
用 ``loop.run_in_executor()`` 把它交给 ``ProcessPoolExecutor``，事件循环照常运行，
还能同时算好几份。一个每 0.05 秒“心跳”一次的协程显示事件循环有没有被卡住。
"""
# sphinx_gallery_mpnotes_exclusive = True  # it measures time: nothing else runs beside it

# %%
# ``heartbeat`` 数自己跳了几次；事件循环被卡住时，它一次也跳不了。
import asyncio
import time
from concurrent.futures import ProcessPoolExecutor

N = 8_000_000


def burn(n):
    total = 0
    for i in range(n):
        total += i * i
    return total


async def heartbeat(beats):
    while True:
        await asyncio.sleep(0.05)
        beats.append(time.perf_counter())


async def with_heartbeat(label, work):
    beats = []
    ticker = asyncio.create_task(heartbeat(beats))
    await asyncio.sleep(0)  # 让心跳先开始
    start = time.perf_counter()
    results = await work()
    elapsed = time.perf_counter() - start
    ticker.cancel()
    print(f"{label}：{elapsed:.2f} 秒，其间心跳 {len(beats)} 次，结果 {len(results)} 个")


# %%
# 第一种写法在协程里直接调用 ``burn()``；第二种用 ``run_in_executor`` 交给进程池，
# ``asyncio.gather`` 同时等两份结果。心跳次数为 0 说明事件循环被卡住了。
async def main(pool):
    loop = asyncio.get_running_loop()

    async def blocking():
        return [burn(N), burn(N)]

    async def in_processes():
        return await asyncio.gather(*(loop.run_in_executor(pool, burn, N) for _ in range(2)))

    await with_heartbeat("协程里直接计算", blocking)
    await with_heartbeat("run_in_executor + 进程池", in_processes)


if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=2) as pool:
        # 热身：spawn 和 forkserver 下工作进程按需启动，同时交两个任务，两个才都启动起来。
        list(pool.map(burn, [1, 1]))
        asyncio.run(main(pool))
