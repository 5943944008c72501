r"""
资源跟踪器：谁来 unlink
=======================

每个用到共享内存的程序都有一个资源跟踪器进程，它记下本程序创建或连接过的共享内存；
程序结束时还没 ``unlink()`` 的，它发出警告并替程序释放。
所以忘了 ``unlink()`` 会被清理，而另一个程序只是连接一下，也会把别人的共享内存释放掉。
"""

# %%
# 两个“别的程序”都用 ``subprocess`` 启动：它们和本脚本没有父子关系的共享资源跟踪器。
# 警告写在它们的标准错误里，这里只打印警告的正文。
import re
import subprocess
import sys
from multiprocessing import resource_tracker, shared_memory

FORGETS_UNLINK = """
from multiprocessing import shared_memory
shm = shared_memory.SharedMemory(create=True, size=16)
print(shm.name, end="")
shm.close()  # 忘了 unlink()
"""

ATTACHES = """
import sys
from multiprocessing import shared_memory
track = {"track": False} if len(sys.argv) > 2 else {}
shm = shared_memory.SharedMemory(name=sys.argv[1], **track)
print("另一个程序读到：", bytes(shm.buf[:5]))
shm.close()
"""


def run_program(code, *args):
    command = [sys.executable, "-c", code, *args]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    if "另一个程序" in done.stdout:
        print(done.stdout, end="")
    for warning in re.findall(r"UserWarning: (resource_tracker: .*)", done.stderr):
        print("  警告：", re.sub(r": \{.*\}$", "", warning))  # 3.13 起警告末尾还列出名字
    return done.stdout


def exists(name):
    try:
        shared_memory.SharedMemory(name=name).close()
        return True
    except FileNotFoundError:
        return False


# %%
# 第一个程序创建共享内存后没有 ``unlink()`` 就退出了：它的资源跟踪器警告并替它释放。
print("程序一：创建后忘了 unlink()")
name = run_program(FORGETS_UNLINK).strip()
print("程序一结束后这块内存还在吗：", exists(name))

# %%
# 本脚本创建一块共享内存，让第二个程序按名字连接、读、``close()``。
# 第二个程序结束时，它的资源跟踪器把这块内存也当作“泄漏”释放了，尽管本脚本还要用。
# Python 3.13 起可以在连接时传 ``track=False``，不让资源跟踪器登记它。
shm = shared_memory.SharedMemory(create=True, size=16)
shm.buf[:5] = b"hello"
print("程序二：连接本脚本的共享内存，只 close()")
run_program(ATTACHES, shm.name)
print("程序二结束后本脚本的共享内存还在吗：", exists(shm.name))
if sys.version_info >= (3, 13):
    shm2 = shared_memory.SharedMemory(create=True, size=16)
    shm2.buf[:5] = b"track"
    print("程序三：同样连接，但传了 track=False")
    run_program(ATTACHES, shm2.name, "untracked")
    print("程序三结束后还在吗：", exists(shm2.name))
    shm2.close()
    shm2.unlink()
else:
    version = f"{sys.version_info.major}.{sys.version_info.minor}"
    print(f"Python {version} 还没有 track 参数（3.13 新增）")
shm.close()
try:
    shm.unlink()
except FileNotFoundError:
    print("本脚本 unlink()：FileNotFoundError，已经被程序二的资源跟踪器释放了")
    # unlink() 失败，没走到注销那一步，本脚本的资源跟踪器还记着它，退出时会再警告一次。
    # 下面这行只用来免掉那次警告，用到的 resource_tracker.unregister() 和 shm._name 都不在文档里。
    resource_tracker.unregister(shm._name, "shared_memory")
